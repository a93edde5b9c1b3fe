"""Engines run the plan's pure stages (map per file, identity across the archive, checks per official)
over an archive: `local` serially or in a process pool, with the cache. They hold no logic of their own."""
