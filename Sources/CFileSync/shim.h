#pragma once
#include <sys/types.h>

// Linux's sync_file_range, which glibc declares only under _GNU_SOURCE (Swift's Glibc
// module leaves it out): starts write-back of a file range without waiting for it.
extern int sync_file_range(int fd, __off64_t offset, __off64_t count, unsigned int flags);

static inline int adqm_start_writeback(int fd, long long offset, long long count) {
    return sync_file_range(fd, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */);
}
