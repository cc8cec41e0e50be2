import { UNKNOWN_LANGUAGE } from '../activity/characterCounts';
import { formatPercent } from '../report/formatDuration';
import { formatInZone } from '../report/zoned';
import { startOfLocalDate, type LocalDate } from '../time/localDays';
import type { LanguageSkill, Skills } from './skills';

/** How the common VS Code language ids read; any other id is shown as it is. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  [UNKNOWN_LANGUAGE]: 'Unknown language',
  bat: 'Batch',
  c: 'C',
  clojure: 'Clojure',
  cpp: 'C++',
  csharp: 'C#',
  css: 'CSS',
  dart: 'Dart',
  dockerfile: 'Dockerfile',
  elixir: 'Elixir',
  erlang: 'Erlang',
  fsharp: 'F#',
  go: 'Go',
  groovy: 'Groovy',
  haskell: 'Haskell',
  html: 'HTML',
  java: 'Java',
  javascript: 'JavaScript',
  javascriptreact: 'JavaScript React',
  json: 'JSON',
  jsonc: 'JSON with Comments',
  julia: 'Julia',
  kotlin: 'Kotlin',
  latex: 'LaTeX',
  less: 'Less',
  lua: 'Lua',
  makefile: 'Makefile',
  markdown: 'Markdown',
  'objective-c': 'Objective-C',
  ocaml: 'OCaml',
  perl: 'Perl',
  php: 'PHP',
  powershell: 'PowerShell',
  python: 'Python',
  r: 'R',
  ruby: 'Ruby',
  rust: 'Rust',
  scala: 'Scala',
  scss: 'SCSS',
  shellscript: 'Shell',
  sql: 'SQL',
  svelte: 'Svelte',
  swift: 'Swift',
  terraform: 'Terraform',
  toml: 'TOML',
  typescript: 'TypeScript',
  typescriptreact: 'TypeScript React',
  vue: 'Vue',
  xml: 'XML',
  yaml: 'YAML',
  zig: 'Zig',
};

export function languageLabel(language: string): string {
  return Object.prototype.hasOwnProperty.call(LANGUAGE_NAMES, language) ? LANGUAGE_NAMES[language]! : language;
}

/** `15 h`, `2.5 h`, `40 min`: hours for a year's figures, minutes below one hour. */
export function hoursText(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours >= 10 ? Math.round(hours) : hours} h`;
}

/** `9 March`, or `9 March 2025` when the year is not the one of `today`. */
export function dayText(date: LocalDate, today: LocalDate, zone: string): string {
  return formatInZone(startOfLocalDate(date, zone), zone, date.slice(0, 4) === today.slice(0, 4) ? 'd MMMM' : 'd MMMM yyyy');
}

/** `this year` for 12 months, `in the last 6 months` otherwise. */
export function periodPhrase(months: number): string {
  return months === 12 ? 'this year' : months === 1 ? 'this month' : `in the last ${months} months`;
}

/**
 * One sentence per language, the same in the CLI, the dashboard and the summary:
 * "Rust: 15 h by hand this year, none since 9 March." Verdicts come last, in words.
 */
export function languageSentence(skill: LanguageSkill, skills: Pick<Skills, 'date' | 'zone' | 'months' | 'fadingDays' | 'delegatedPercent'>): string {
  const name = languageLabel(skill.language);
  const period = periodPhrase(skills.months.length);
  const parts: string[] = [];
  if (skill.handsOnMinutes > 0) {
    const last = skill.lastHandsOnDate;
    const when = skill.fading
      ? `none since ${dayText(last!, skills.date, skills.zone)}`
      : last === skills.date
        ? 'last today'
        : `last on ${dayText(last!, skills.date, skills.zone)}`;
    parts.push(`${hoursText(skill.handsOnMinutes)} by hand ${period}, ${when}`);
  } else {
    parts.push(`nothing by hand ${period}`);
  }
  if (skill.agentMinutes > 0) parts.push(`agents ${hoursText(skill.agentMinutes)}`);
  let sentence = `${name}: ${parts.join('; ')}`;
  if (skill.delegated) {
    const share = Math.round((100 * skill.recentAgentMinutes) / (skill.recentAgentMinutes + skill.recentHandsOnMinutes));
    sentence += `. Delegated: agents did ${share}% of its time in the last ${skills.fadingDays} days`;
  } else if (skill.fading) {
    sentence += `. Fading: not by hand in the last ${skills.fadingDays} days`;
  }
  return `${sentence}.`;
}

/** A language "used a lot": at least this much by hand in the period, for the status bar's fading line. */
export const MUCH_USED_MINUTES = 10 * 60;

/** The fading languages worth a line in the status bar tooltip and the summary: much used, most used first. */
export function fadingLanguages(skills: Pick<Skills, 'languages'>, minMinutes = MUCH_USED_MINUTES): LanguageSkill[] {
  return skills.languages.filter((l) => l.fading && l.handsOnMinutes >= minMinutes && l.language !== UNKNOWN_LANGUAGE);
}

/** `Skills, 1 Jan 2026 – 3 Dec 2026 (Europe/Berlin): 120 h by hand, 40 h by agents.` */
export function skillsHeadline(skills: Pick<Skills, 'from' | 'date' | 'zone' | 'handsOnMinutes' | 'agentMinutes'>): string {
  const day = (date: LocalDate) => formatInZone(startOfLocalDate(date, skills.zone), skills.zone, 'd MMM yyyy');
  return `Skills, ${day(skills.from)} – ${day(skills.date)} (${skills.zone}): ${hoursText(skills.handsOnMinutes)} by hand, ${hoursText(skills.agentMinutes)} by agents.`;
}

/** The status bar tooltip's line about fading languages, or undefined when none of those used a lot is fading. */
export function fadingLine(skills: Pick<Skills, 'languages' | 'date' | 'zone' | 'months' | 'fadingDays' | 'delegatedPercent'>): string | undefined {
  const fading = fadingLanguages(skills);
  const first = fading[0];
  if (!first) return undefined;
  const more = fading.length > 1 ? ` (and ${fading.slice(1).map((l) => languageLabel(l.language)).join(', ')})` : '';
  return `${languageLabel(first.language)} is fading${more}: ${hoursText(first.handsOnMinutes)} by hand ${periodPhrase(skills.months.length)}, none since ${dayText(first.lastHandsOnDate!, skills.date, skills.zone)}.`;
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03` → `Mar 2026`. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `Hands-on share against meetings by month: Jan 2026 62%, Feb 2026 —, …` (— for a month with neither). */
export function monthlyShareLine(skills: Pick<Skills, 'monthlyShare'>): string {
  return `Hands-on share against meetings by month: ${skills.monthlyShare.map((m) => `${monthLabel(m.month)} ${formatPercent(m.handsOnShare ?? undefined)}`).join(', ')}.`;
}
