// libxml2 for FeedSyncSources' XML reading (Debian package libxml2-dev, pkg-config libxml-2.0):
// the SAX2 push parser, the parser options and globals, and structured errors.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and encoding.h then includes the system's ICU headers,
// whose enums clash with the ICU copy inside Foundation (_FoundationICU) in any module that
// also sees Foundation. Nothing here touches the ICU fields of xmlCharEncodingHandler (only
// its pointer is passed around), so the headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
