// The functions are `static inline` in the header, so Swift inlines them; this file only
// gives SwiftPM a source to compile and checks that the header compiles on its own.
#include "CByteSearch.h"
