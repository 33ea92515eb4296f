-- Readers of a live story polling for new entries (live/poll.py), as static/live/live.js does:
-- each asks with the version it last saw as If-None-Match and takes the new one from a 200.
-- Arguments after `--`: the poll's path, the version the page showed, and the milliseconds a
-- connection waits between two polls (how many polls a second the readers make together).
-- Prints one POLLS line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path, version, pause = args[1], args[2], tonumber(args[3])
  unchanged, changed, other = 0, 0, 0
end

function delay()
  return pause
end

function request()
  return wrk.format("GET", path, {["If-None-Match"] = '"' .. version .. '"'})
end

function response(status, headers, body)
  if status == 304 then
    unchanged = unchanged + 1
  elseif status == 200 then
    changed = changed + 1
    version = string.match(body, '"version": *(%d+)') or version
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local total = {unchanged = 0, changed = 0, other = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      total[key] = total[key] + thread:get(key)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'POLLS {"requests": %d, "seconds": %.3f, "socket_errors": %d, "p50": %.3f, "p99": %.3f, '
      .. '"unchanged": %d, "changed": %d, "other": %d}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total.unchanged, total.changed, total.other))
end
