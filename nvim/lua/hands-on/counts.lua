-- Typed characters per quarter hour and language, kept cumulative as the journal wants them: each write repeats a
-- bucket's total so far, and readers keep the largest count per writer, quarter hour and language.

local M = {}

M.QUARTER_MS = 900000

local Counts = {}
Counts.__index = Counts

function M.new()
  return setmetatable({ buckets = {}, current = nil, current_start = 0, current_end = 0, language = nil }, Counts)
end

function Counts:select(now)
  local start = now - now % M.QUARTER_MS
  local key = string.format('%.0f', start) .. '|' .. (self.language or '')
  local bucket = self.buckets[key]
  if bucket == nil then
    bucket = { s = start, l = self.language, y = 0, dirty = false }
    self.buckets[key] = bucket
  end
  self.current = bucket
  self.current_start = start
  self.current_end = start + M.QUARTER_MS
end

--- One typed character at `now` (hot path: a comparison and two stores, except once a quarter hour).
function Counts:typed(now)
  if now >= self.current_end or now < self.current_start then
    self:select(now)
  end
  local bucket = self.current
  bucket.y = bucket.y + 1
  bucket.dirty = true
end

--- The language the next characters land in.
function Counts:set_language(language)
  if language ~= self.language then
    self.language = language
    self.current_end = 0
  end
end

-- A bucket is forgotten a day after its quarter hour: a clock set back into it would start its count again, and
-- readers keep the largest count, so the characters typed after that would not count.
local FORGET_AFTER_MS = 24 * 3600 * 1000

--- The buckets that changed since the previous call, with their totals, oldest first; forgets those a day old.
function Counts:take(now)
  local changed = {}
  for key, bucket in pairs(self.buckets) do
    if bucket.dirty then
      changed[#changed + 1] = { s = bucket.s, l = bucket.l, y = bucket.y }
      bucket.dirty = false
    elseif bucket.s + M.QUARTER_MS + FORGET_AFTER_MS < now and bucket ~= self.current then
      self.buckets[key] = nil
    end
  end
  table.sort(changed, function(a, b)
    if a.s ~= b.s then
      return a.s < b.s
    end
    return (a.l or '') < (b.l or '')
  end)
  return changed
end

return M
