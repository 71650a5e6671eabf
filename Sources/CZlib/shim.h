// zlib for FeedSyncSources' gzip reading (Debian package zlib1g-dev).
#include <zlib.h>
