# Hands-On: counts the time you spend at this shell (https://example.invalid/hands-on). Printed by `hands-on init zsh`;
# load it with eval "$(hands-on init zsh)". The rule is terminalSpans in src/core/activity/terminalSpans.ts.
# Each prompt and each Enter is an event: no process and no write per prompt (builtins and zsh/datetime only), one
# background append when a span closes, at most once a minute while one stays open, and when the shell exits.
# In a shell a coding agent drives (AI_AGENT, COPILOT_AGENT, CLAUDECODE...: agentEnvironment.ts), init made the
# records that agent's time ("k":"g"), never yours.
typeset -g __hands_on_dir=@LIVE_DIR@
typeset -g __hands_on_writer=@WRITER_ID@
typeset -gi __hands_on_idle_ms=@IDLE_MS@ __hands_on_credit_ms=@CREDIT_MS@ __hands_on_names=@PROJECT_NAMES@
# The open span: its start, its last event, the part already written, and what the last event was
# (0 a prompt, 1 the Enter of a counted command, 2 a self-tracking editor's).
typeset -gi __hands_on_start=0 __hands_on_last=0 __hands_on_written=0 __hands_on_last_kind=0

__hands_on_now() {
  (( REPLY = epochtime[1] * 1000 + epochtime[2] / 1000000 ))
}

# Appends one record in the background: a slow or hung folder never holds the prompt, and a missing or read-only
# one prints nothing (stderr is silenced before the redirection opens the file; >>| also under NO_CLOBBER).
__hands_on_write() {
  emulate -L zsh
  local ws='' dir=$PWD line file
  if (( __hands_on_names )); then
    while [[ -n $dir && ! -e $dir/.git ]]; do dir=${dir%/*}; done
    [[ -n $dir ]] || dir=$PWD
    ws=${${dir:t}//[[:cntrl:]]/}
    ws=${ws//\\/\\\\}
    ws=${ws//\"/\\\"}
    [[ -n $ws ]] && ws=",\"w\":\"${ws[1,100]}\""
  fi
  # The UTC date of the file from epoch seconds (days to civil date, H. Hinnant's algorithm): no `date` process.
  local -i z=$(( epochtime[1] / 86400 + 719468 )) era doe yoe doy mp y m d
  (( era = z / 146097, doe = z - era * 146097 ))
  (( yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365 ))
  (( doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153 ))
  (( d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2) ))
  printf -v line '{"v":1,@RECORD_KIND@,"s":%d,"e":%d,"l":"shellscript","src":"terminal"%s}\n' $1 $2 $ws
  printf -v file '%s/%04d-%02d-%02d.%s.jsonl' $__hands_on_dir $y $m $d $__hands_on_writer
  ( builtin print -rn -- $line 2>/dev/null >>| $file & )
}

# Closes the open span at its last event's credit, or at $1 when a counted command ran until then.
__hands_on_close() {
  (( __hands_on_start )) || return
  local -i end=$(( __hands_on_last + __hands_on_credit_ms ))
  (( $1 > end )) && end=$1
  (( end > __hands_on_written )) && __hands_on_write $__hands_on_written $end
  __hands_on_start=0
}

# One event at $1 (ms) of kind $2 (see __hands_on_last_kind).
__hands_on_event() {
  local -i gap=$(( $1 - __hands_on_last ))
  if (( __hands_on_start )); then
    if (( gap < 0 || gap > __hands_on_idle_ms || __hands_on_last_kind == 2 )); then
      __hands_on_close $(( __hands_on_last_kind == 1 && gap >= 0 ? __hands_on_last + __hands_on_idle_ms : 0 ))
    elif (( $1 - __hands_on_written >= 60000 )); then
      __hands_on_write $__hands_on_written $1
      __hands_on_written=$1
    fi
  fi
  (( __hands_on_start )) || (( __hands_on_start = $1, __hands_on_written = $1 ))
  (( __hands_on_last = $1, __hands_on_last_kind = $2 ))
}

__hands_on_preexec() {
  emulate -L zsh
  local REPLY
  __hands_on_now
  # Neovim counts its own time (its plugin): its run is not the terminal's.
  if [[ $1 =~ '^[[:space:]]*((sudo|command|exec|env)[[:space:]]+|[A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*[[:space:]]+)*([^[:space:]]*/)?nvim([[:space:]]|$)' ]]; then
    __hands_on_event $REPLY 2
  else
    __hands_on_event $REPLY 1
  fi
}

__hands_on_precmd() {
  emulate -L zsh
  local REPLY
  __hands_on_now
  __hands_on_event $REPLY 0
}

__hands_on_exit() {
  emulate -L zsh
  local REPLY
  __hands_on_now
  local -i run=0
  (( __hands_on_last_kind == 1 )) && (( run = REPLY - __hands_on_last > __hands_on_idle_ms ? __hands_on_last + __hands_on_idle_ms : REPLY ))
  __hands_on_close $run
}

if [[ -z ${__hands_on_installed-} ]] && zmodload zsh/datetime 2>/dev/null; then
  typeset -g __hands_on_installed=1
  autoload -Uz add-zsh-hook
  add-zsh-hook preexec __hands_on_preexec
  add-zsh-hook precmd __hands_on_precmd
  add-zsh-hook zshexit __hands_on_exit
fi
