-- wrk script for benchmarks/run.sh: method, body and content type from the environment;
-- optionally samples every Nth access token answered 200 into a file (for the kill -9 check);
-- prints one machine-readable RESULT line.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local sample_file = os.getenv("WRK_SAMPLE_FILE")
local sample_every = tonumber(os.getenv("WRK_SAMPLE_EVERY") or "0")
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  seen = 0
  if sample_file ~= nil and sample_file ~= "" and sample_every > 0 then
    out = io.open(sample_file .. "." .. id, "w")
  end
end

function response(status, headers, body)
  if out ~= nil and status == 200 then
    seen = seen + 1
    if seen % sample_every == 0 then
      local token = body:match('"access_token"%s*:%s*"([^"]+)"')
      if token ~= nil then
        out:write(token, "\n")
        out:flush()
      end
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
