-- bench/pixel.lua - wrk script for bench/pixel.sh: GET many distinct pixel paths, count the 200s.
--
--   wrk -t THREADS -c CONNECTIONS -d SECONDS --latency -s bench/pixel.lua URL -- PATHS_FILE THREADS
--
-- PATHS_FILE has one request path a line (/o/<token>.gif), already shuffled. Thread k of n takes
-- lines k, k+n, k+2n, ... and requests them round-robin from a random start, so the threads never
-- send the same token at the same moment and every token is hit about equally often.
-- wrk calls setup() for thread k and then init() in that thread before it sets up thread k+1, so
-- the thread count comes as an argument.
-- done() prints one machine-readable line (read by bench/pixel.sh) after wrk's own summary:
--   WRK_RESULT requests=… ok=… not_ok=… connect=… read=… write=… timeout=… duration_us=…
--              bytes=… p50_us=… p90_us=… p99_us=… p999_us=… max_us=…
-- ok counts the responses with status 200 only; not_ok every other status.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  assert(file and nthreads, "usage: -- PATHS_FILE THREADS")
  paths = {}
  local i = 0
  for line in io.lines(file) do
    if line ~= "" then
      if i % nthreads == id then
        paths[#paths + 1] = line
      end
      i = i + 1
    end
  end
  assert(#paths > 0, "thread " .. id .. ": no path in " .. file)
  math.randomseed(os.time() * 16 + id)
  cursor = math.random(#paths)
  ok = 0
  not_ok = 0
end

function request()
  local path = paths[cursor]
  cursor = cursor % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_not_ok = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_not_ok = total_not_ok + thread:get("not_ok")
  end
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d ok=%d not_ok=%d connect=%d read=%d write=%d timeout=%d duration_us=%d bytes=%d "
      .. "p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, total_ok, total_not_ok, e.connect, e.read, e.write, e.timeout, summary.duration,
    summary.bytes, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max))
end
