# Hands-On: counts the time you spend at this shell (https://example.invalid/hands-on). Printed by `hands-on init fish`;
# load it with `hands-on init fish | source`. The rule is terminalSpans in src/core/activity/terminalSpans.ts.
# Each prompt and each Enter is an event; a span is written when it closes, at most once a minute while one stays
# open, and when the shell exits, by one background process. fish has no builtin clock: on Linux the time is read
# from /proc/uptime by the `read` builtin (no process per prompt), elsewhere from `date`.
# In a shell a coding agent drives (AI_AGENT, COPILOT_AGENT, CLAUDECODE...: agentEnvironment.ts), init made the
# records that agent's time ("k":"g"), never yours.
set -g __hands_on_dir @LIVE_DIR@
set -g __hands_on_writer @WRITER_ID@
set -g __hands_on_idle_ms @IDLE_MS@
set -g __hands_on_credit_ms @CREDIT_MS@
set -g __hands_on_names @PROJECT_NAMES@
# The open span: its start, its last event, the part already written, and what the last event was
# (0 a prompt, 1 the Enter of a counted command, 2 a self-tracking editor's).
set -g __hands_on_start 0
set -g __hands_on_last 0
set -g __hands_on_written 0
set -g __hands_on_last_kind 0

# Epoch milliseconds in __hands_on_time. /proc/uptime counts suspended time too; its offset from the wall clock is
# taken again by `date` once a minute at most (at each write), so a clock that was set follows soon.
if test -r /proc/uptime
    function __hands_on_sync_clock
        read -l up _ </proc/uptime
        set -g __hands_on_offset (math --scale=0 (command date +%s%3N) - $up \* 1000)
    end
    function __hands_on_clock
        read -l up _ </proc/uptime
        set -g __hands_on_time (math --scale=0 $__hands_on_offset + $up \* 1000)
    end
else
    function __hands_on_sync_clock
    end
    function __hands_on_clock
        set -g __hands_on_time (command date +%s)000
    end
end

# Appends one record in the background (at exit, in the foreground): a slow or hung folder never holds the prompt, a
# missing or read-only one prints nothing, and a disowned job prints no job messages.
function __hands_on_write --argument-names start end
    set -l ws ''
    if test $__hands_on_names = 1
        set -l dir $PWD
        while test -n "$dir" -a ! -e "$dir/.git"
            set dir (string replace -r '/[^/]*$' '' -- $dir)
        end
        test -n "$dir"; or set dir $PWD
        set ws (string replace -r '.*/' '' -- $dir | string replace -ra '[[:cntrl:]]' '' | string replace -a '\\' '\\\\' | string replace -a '"' '\\"' | string sub -l 100)
        test -n "$ws"; and set ws ",\"w\":\"$ws\""
    end
    set -l line (printf '{"v":1,@RECORD_KIND@,"s":%d,"e":%d,"l":"shellscript","src":"terminal"%s}\n' $start $end "$ws")
    set -l append sh -c 'printf "%s\n" "$1" >>"$2/$(date -u +%Y-%m-%d).$3.jsonl"' sh "$line" $__hands_on_dir $__hands_on_writer
    if set -q __hands_on_exiting
        # The last write waits, two seconds at most: a job started as the shell ends can be hung up with its terminal
        # before it has written.
        set -l bounded
        command -q timeout; and set bounded timeout 2
        command $bounded $append </dev/null >/dev/null 2>&1
    else
        # nohup: a write still under way when the terminal closes must outlive the shell.
        command nohup $append </dev/null >/dev/null 2>&1 &
        disown 2>/dev/null
    end
    __hands_on_sync_clock
end

# Closes the open span at its last event's credit, or at $argv[1] when a counted command ran until then.
function __hands_on_close --argument-names run_end
    test $__hands_on_start -ne 0; or return
    set -l end (math $__hands_on_last + $__hands_on_credit_ms)
    test $run_end -gt $end; and set end $run_end
    test $end -gt $__hands_on_written; and __hands_on_write $__hands_on_written $end
    set -g __hands_on_start 0
end

# One event at $time (ms) of kind $kind (see __hands_on_last_kind).
function __hands_on_event --argument-names time kind
    if test $__hands_on_start -ne 0
        set -l gap (math $time - $__hands_on_last)
        if test $gap -lt 0 -o $gap -gt $__hands_on_idle_ms -o $__hands_on_last_kind -eq 2
            set -l run_end 0
            test $__hands_on_last_kind -eq 1 -a $gap -ge 0; and set run_end (math $__hands_on_last + $__hands_on_idle_ms)
            __hands_on_close $run_end
        else if test (math $time - $__hands_on_written) -ge 60000
            __hands_on_write $__hands_on_written $time
            set -g __hands_on_written $time
        end
    end
    if test $__hands_on_start -eq 0
        set -g __hands_on_start $time
        set -g __hands_on_written $time
    end
    set -g __hands_on_last $time
    set -g __hands_on_last_kind $kind
end

function __hands_on_preexec --on-event fish_preexec
    __hands_on_clock
    # Neovim counts its own time (its plugin): its run is not the terminal's.
    if string match -qr -- '^\s*((sudo|command|exec|env)\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(\S*/)?nvim(\s|$)' $argv[1]
        __hands_on_event $__hands_on_time 2
    else
        __hands_on_event $__hands_on_time 1
    end
end

function __hands_on_prompt --on-event fish_prompt
    __hands_on_clock
    __hands_on_event $__hands_on_time 0
end

function __hands_on_exit --on-event fish_exit
    set -g __hands_on_exiting 1
    __hands_on_clock
    set -l run_end 0
    if test $__hands_on_last_kind -eq 1
        set run_end (math "min($__hands_on_time, $__hands_on_last + $__hands_on_idle_ms)")
    end
    __hands_on_close $run_end
end

__hands_on_sync_clock
