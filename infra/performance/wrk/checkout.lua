-- wrk script for POST /api/checkout: each request checks out the next prepared cart (one cart can be checked out
-- once) with a fresh Idempotency-Key. The carts file holds one cart id per line; each wrk thread takes its own
-- share of it. Used by checkout-ratio.sh.
local carts = {}
local next_cart = 0
local step = 1
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("first", counter)
end

function init(args)
  for line in io.lines(os.getenv("CARTS_FILE")) do carts[#carts + 1] = line end
  -- wrk runs init in each thread with its own globals; threads interleave over the list
  step = tonumber(os.getenv("WRK_THREADS") or "2")
  next_cart = (first or 1)
  math.randomseed(os.time() + next_cart)
end

local function uuid()
  return string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end)
end

function request()
  local cart = carts[next_cart]
  next_cart = next_cart + step
  if cart == nil then
    error("out of prepared carts: give checkout-ratio.sh more (CARTS=...)")
  end
  local body = '{"cartId":"' .. cart .. '","email":"bench-' .. cart .. '@example.org","name":"Bench",'
      .. '"fulfilment":{"type":"PICKUP"}}'
  -- each buyer from an address of their own, as the app (FORWARD_HEADERS=native) sees buyers behind a proxy
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("POST", "/api/checkout",
      { ["Content-Type"] = "application/json", ["Idempotency-Key"] = uuid(), ["X-Forwarded-For"] = address }, body)
end
