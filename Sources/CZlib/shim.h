// zlib, for gzipped pages (*.html.gz). Debian zlib1g-dev.
#include <zlib.h>
