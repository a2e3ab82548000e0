#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#include "lib/egress.h"
