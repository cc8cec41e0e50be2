-- The idle rule of Hands-On (src/core/activity/activityTracker.ts), in Lua: events no more than the idle timeout
-- apart form one span, credited until half a minute after its last event. Pure: every call takes the time, so the
-- rule can be tested with a fake clock (test/neovim/luaRules.test.ts runs the same events through both trackers).

local M = {}

-- What the last event of a span is worth (EVENT_CREDIT_MS in the extension).
M.EVENT_CREDIT_MS = 30000

local Tracker = {}
Tracker.__index = Tracker

--- A tracker of one kind of time (the user's, or an agent's). `timeout_ms`: the idle timeout.
function M.new(timeout_ms)
  return setmetatable({
    timeout = timeout_ms,
    focused = true,
    open = false,
    last = 0,
    -- Start of the part of the open span not yet handed out by take().
    emitted = 0,
    last_tick = nil,
    language = nil,
    workspace = nil,
    pending = {},
  }, Tracker)
end

function Tracker:push(s, e)
  if e > s then
    self.pending[#self.pending + 1] = { s = s, e = e, l = self.language, w = self.workspace }
  end
end

function Tracker:close_at(e)
  self:push(self.emitted, e)
  self.open = false
end

--- One activity event at `now` (hot path: two comparisons and a store). Ignored while unfocused.
function Tracker:record(now)
  if not self.focused then
    return
  end
  if self.open then
    local gap = now - self.last
    if gap >= 0 and gap <= self.timeout then
      self.last = now
      return
    end
    if gap < 0 and -gap <= self.timeout then
      return
    end
    -- A clock that went back tells nothing about how long the user worked: no credit after the last event.
    self:close_at(gap < 0 and self.last or self.last + M.EVENT_CREDIT_MS)
  end
  self.open = true
  self.last = now
  self.emitted = now
end

--- The periodic timer: ends a span that went idle, or one interrupted by suspend or a clock jump, without the jump.
function Tracker:tick(now)
  local previous = self.last_tick
  self.last_tick = now
  if not self.open then
    return
  end
  if previous ~= nil and (now < previous or now - previous > self.timeout) then
    self:close_at(math.min(self.last + M.EVENT_CREDIT_MS, math.max(self.last, previous)))
  elseif now - self.last > self.timeout then
    self:close_at(self.last + M.EVENT_CREDIT_MS)
  end
end

--- Losing focus ends the user's activity: events count again once focus is back.
function Tracker:set_focused(focused)
  self.focused = focused
end

--- The language and workspace of what is being edited; a change splits the open span at `now`.
function Tracker:set_context(now, language, workspace)
  if language == self.language and workspace == self.workspace then
    return
  end
  if self.open then
    local split_at = math.min(math.max(now, self.emitted), self.last + M.EVENT_CREDIT_MS)
    self:push(self.emitted, split_at)
    self.emitted = math.max(self.emitted, split_at)
  end
  self.language = language
  self.workspace = workspace
end

--- Everything to write since the previous call: closed spans and the credited part of the open span up to `now`.
function Tracker:take(now)
  if self.open then
    local e = math.min(self.last + M.EVENT_CREDIT_MS, now)
    if e > self.emitted then
      self:push(self.emitted, e)
      self.emitted = e
    end
  end
  local taken = self.pending
  self.pending = {}
  return taken
end

--- The end (quitting Neovim): the open span ends now, and the result is what is left to write.
function Tracker:finish(now)
  if self.open then
    self:close_at(math.min(self.last + M.EVENT_CREDIT_MS, math.max(now, self.last)))
  end
  return self:take(now)
end

return M
