-- The newsroom traffic mix (bench/traffic.py): every request a path drawn at random from the
-- file named after `--` (a pre-shuffled, weighted list), seeded by the number after it, so
-- both checkouts of a round get the same draws. Counts status codes and the page cache's
-- answers (X-Page-Cache: hit or miss); prints one TRAFFIC line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(tonumber(args[2] or "1") * 1000 + id)
  hits, misses, bare = 0, 0, 0
  s2, s3, s4, s5 = 0, 0, 0, 0
  codes = {}
end

-- As phones' browsers ask: pages compressed where the site compresses them.
local headers = {["Accept-Encoding"] = "gzip, deflate, br"}

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  else s2 = s2 + 1 end
  local code = tostring(status)
  codes[code] = (codes[code] or 0) + 1
  local cache = headers["X-Page-Cache"] or headers["x-page-cache"]
  if cache == "hit" then hits = hits + 1
  elseif cache == "miss" then misses = misses + 1
  else bare = bare + 1 end
end

done = function(summary, latency, requests)
  local total = {hits = 0, misses = 0, bare = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0}
  local all_codes = {}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      total[key] = total[key] + thread:get(key)
    end
    for code, n in pairs(thread:get("codes")) do
      all_codes[code] = (all_codes[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(all_codes) do
    parts[#parts + 1] = string.format('"%s": %d', code, n)
  end
  local e = summary.errors
  io.write(string.format(
    'TRAFFIC {"requests": %d, "seconds": %.3f, "socket_errors": %d, "p50": %.3f, '
      .. '"p90": %.3f, "p99": %.3f, "hits": %d, "misses": %d, "no_cache_header": %d, '
      .. '"2xx": %d, "3xx": %d, "4xx": %d, "5xx": %d, "codes": {%s}}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, total.hits, total.misses, total.bare,
    total.s2, total.s3, total.s4, total.s5, table.concat(parts, ", ")))
end
