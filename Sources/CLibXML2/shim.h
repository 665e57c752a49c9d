// libxml2's HTML parser and tree (Debian libxml2-dev; found with pkg-config libxml-2.0).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
