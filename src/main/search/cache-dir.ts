// The search index's cache folder in a profile, apart from the cache itself: main's start-up
// housekeeping names it without loading the index code (lunr and the engine run in their process).

/** The cache folder in a profile. */
export const INDEX_CACHE_DIR = 'search-index'
