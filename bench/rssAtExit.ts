// Preloaded with `node -r` into a measured process: reports its peak resident memory (worker threads included) at exit.
process.on('exit', () => process.stderr.write(`\nhands-on-bench maxrss_kib=${process.resourceUsage().maxRSS}\n`));
