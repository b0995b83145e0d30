-- wrk script for `make bench`: sends the requests of one page, picked at random from a file
-- written by ambitionsgraf/scale/bench_setup.py (method, path, cookie, body; tab-separated).
-- "{L}" in a body becomes a random level 1-5 at each request, so every save changes something.
-- At the end it prints one line "BENCH_JSON {...}" with the figures scripts/bench-lib/run.py reads.
--   wrk -s requests.lua http://127.0.0.1:8000 -- page.requests

local requests = {}

local function split(line)
  local fields, start = {}, 1
  while true do
    local tab = string.find(line, "\t", start, true)
    if not tab then
      table.insert(fields, string.sub(line, start))
      return fields
    end
    table.insert(fields, string.sub(line, start, tab - 1))
    start = tab + 1
  end
end

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      local f = split(line)
      table.insert(requests, { method = f[1], path = f[2], cookie = f[3] or "", body = f[4] or "" })
    end
  end
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

local function level()
  return tostring(math.random(1, 5))
end

function request()
  local r = requests[math.random(#requests)]
  local headers = { ["Accept-Language"] = "sv" }
  if r.cookie ~= "" then headers["Cookie"] = r.cookie end
  local body = nil
  if r.method == "POST" then
    body = string.gsub(r.body, "{L}", level)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return wrk.format(r.method, r.path, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "p50_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    latency.max, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, summary.errors.status))
end
