// The declaration in include/CFuzzerDriver.h is the whole module; C targets need a source file.
#include "CFuzzerDriver.h"
