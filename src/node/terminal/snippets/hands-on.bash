# Hands-On: counts the time you spend at this shell (https://example.invalid/hands-on). Printed by `hands-on init bash`;
# load it with eval "$(hands-on init bash)". The rule is terminalSpans in src/core/activity/terminalSpans.ts.
# Each prompt and each Enter is an event: no process and no write per prompt (builtins only), one background append
# when a span closes, at most once a minute while one stays open, and when the shell exits.
# In a shell a coding agent drives (AI_AGENT, COPILOT_AGENT, CLAUDECODE...: agentEnvironment.ts), init made the
# records that agent's time ("k":"g"), never yours.
__hands_on_dir=@LIVE_DIR@
__hands_on_writer=@WRITER_ID@
__hands_on_idle_ms=@IDLE_MS@
__hands_on_credit_ms=@CREDIT_MS@
__hands_on_names=@PROJECT_NAMES@
# The open span: its start, its last event, the part already written, and the Enter of the command that runs (0: none).
__hands_on_start=0 __hands_on_last=0 __hands_on_written=0 __hands_on_enter=0 __hands_on_last_counted=0
__hands_on_nil=()

# Appends one record in the background: a slow or hung folder never holds the prompt, and a missing or read-only
# one prints nothing (stderr is silenced before the redirection opens the file).
__hands_on_write() {
  local now=${EPOCHREALTIME//[!0-9]/} line ws='' dir=$PWD
  now=$((now / 1000000))
  if ((__hands_on_names)); then
    while [[ -n $dir && ! -e $dir/.git ]]; do dir=${dir%/*}; done
    [[ -n $dir ]] || dir=$PWD
    ws=${dir##*/}
    ws=${ws//[[:cntrl:]]/}
    ws=${ws//\\/\\\\}
    ws=${ws//\"/\\\"}
    [[ -n $ws ]] && ws=",\"w\":\"${ws:0:100}\""
  fi
  # The UTC date of the file from epoch seconds (days to civil date, H. Hinnant's algorithm): no `date` process.
  local z=$((now / 86400 + 719468)) era doe yoe doy mp y m d
  era=$((z / 146097)) doe=$((z - era * 146097))
  yoe=$(((doe - doe / 1460 + doe / 36524 - doe / 146096) / 365))
  doy=$((doe - (365 * yoe + yoe / 4 - yoe / 100))) mp=$(((5 * doy + 2) / 153))
  d=$((doy - (153 * mp + 2) / 5 + 1)) m=$((mp < 10 ? mp + 3 : mp - 9)) y=$((yoe + era * 400 + (m <= 2)))
  printf -v line '{"v":1,@RECORD_KIND@,"s":%d,"e":%d,"l":"shellscript","src":"terminal"%s}\n' "$1" "$2" "$ws"
  printf -v d '%s/%04d-%02d-%02d.%s.jsonl' "$__hands_on_dir" "$y" "$m" "$d" "$__hands_on_writer"
  (builtin printf '%s' "$line" 2>/dev/null >>"$d" &)
}

__hands_on_close() {
  ((__hands_on_start)) || return
  local end=$((__hands_on_last + __hands_on_credit_ms))
  (($1 > end)) && end=$1
  ((end > __hands_on_written)) && __hands_on_write "$__hands_on_written" "$end"
  __hands_on_start=0
}

# One event at $1 (ms); $2 is 1 when it is the Enter of a counted command, 2 for a self-tracking editor's.
__hands_on_event() {
  local gap=$(($1 - __hands_on_last))
  if ((__hands_on_start)); then
    if ((gap < 0 || gap > __hands_on_idle_ms || __hands_on_last_counted == 2)); then
      __hands_on_close $((__hands_on_last_counted == 1 && gap >= 0 ? __hands_on_last + __hands_on_idle_ms : 0))
    elif (($1 - __hands_on_written >= 60000)); then
      __hands_on_write "$__hands_on_written" "$1"
      __hands_on_written=$1
    fi
  fi
  ((__hands_on_start)) || __hands_on_start=$1 __hands_on_written=$1
  __hands_on_last=$1 __hands_on_last_counted=${2:-0}
}

# Whether the command entered at $1 was a self-tracking editor (Neovim counts its own time). Only asked when the run
# was longer than the credit, where it makes a difference: the one process after a long command, never per prompt.
__hands_on_kind() {
  (($2 - $1 <= __hands_on_credit_ms)) && return 1
  local re='^[[:space:]]*(([0-9]+[[:space:]]+)?)((sudo|command|exec|env)[[:space:]]+|[A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*[[:space:]]+)*([^[:space:]]*/)?nvim([[:space:]]|$)'
  local line
  line=$(HISTTIMEFORMAT= builtin history 1)
  [[ ${line} =~ $re ]]
}

__hands_on_prompt() {
  local status=$? now=${EPOCHREALTIME//[!0-9]/}
  now=$((now / 1000))
  if ((__hands_on_enter)); then
    if __hands_on_kind "$__hands_on_enter" "$now"; then __hands_on_event "$__hands_on_enter" 2; else __hands_on_event "$__hands_on_enter" 1; fi
    __hands_on_enter=0
  fi
  __hands_on_event "$now"
  return $status
}

__hands_on_exit() {
  local now=${EPOCHREALTIME//[!0-9]/}
  now=$((now / 1000))
  if ((__hands_on_enter)); then
    if __hands_on_kind "$__hands_on_enter" "$now"; then __hands_on_event "$__hands_on_enter" 2; else __hands_on_event "$__hands_on_enter" 1; fi
    __hands_on_enter=0
  fi
  local run=0
  ((__hands_on_last_counted == 1)) && run=$((now - __hands_on_last > __hands_on_idle_ms ? __hands_on_last + __hands_on_idle_ms : now))
  __hands_on_close "$run"
}

# Installed once per shell, on bash 5 and later (EPOCHREALTIME); older shells stay as they are.
if [[ -n ${EPOCHREALTIME-} && ${__hands_on_installed-} != 1 ]]; then
  __hands_on_installed=1
  # PS0 is expanded on Enter, in this shell: an array subscript is arithmetic, which stores the time without a process.
  PS0+='${__hands_on_nil[__hands_on_enter=${EPOCHREALTIME//[!0-9]/}/1000]-}'
  # "$_" as the argument keeps the previous command's last argument for `cd $_`. An array since bash 5.1; appending
  # keeps every hook already there (starship, direnv, bash-preexec, VS Code's shell integration).
  if ((BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1))); then
    PROMPT_COMMAND+=('__hands_on_prompt "$_"')
  else
    PROMPT_COMMAND="${PROMPT_COMMAND:+${PROMPT_COMMAND%;};}"'__hands_on_prompt "$_"'
  fi
  __hands_on_previous_exit=$(trap -p EXIT)
  __hands_on_previous_exit=${__hands_on_previous_exit#"trap -- '"}
  __hands_on_previous_exit=${__hands_on_previous_exit%"' EXIT"}
  trap "__hands_on_exit${__hands_on_previous_exit:+; ${__hands_on_previous_exit//\'\\\'\'/\'}}" EXIT
fi
