/**
 * Date mentions in English and Dutch: years ("in 2015"), "July 2015", "January 5, 2018",
 * "5 January 2018", "5 januari 2018", ISO "2018-01-05", "05/01/2018" (day first),
 * month names and abbreviations, weekdays ("Wednesday", "woensdag", "woensdagavond"),
 * relative expressions ("last January", "vorige maand", "last week", "yesterday", "vorig jaar"),
 * seasons ("summer 2014", "zomer van 2014") and decades ("the 1990s", "jaren negentig").
 *
 * A four-digit number is a year (not a count) when it is 1900-2100 written without
 * separators, has no comparator/currency/percent, and is either preceded by a
 * temporal preposition, or not followed by a noun, or followed by a noun but not
 * round (2015 election = year; 2000 passengers = count).
 */
import type { LanguageCode } from '../types';
import type { DateMention, Token } from './types';
import { comparatorStartBefore } from './numbers';
import { nlCardinal } from './numwords';
import { stopSet } from './stopwords';
import { dict } from './dict';

const MONTHS: Record<string, number> = dict({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, juni: 6, juli: 7, augustus: 8, oktober: 10,
});
const MONTH_ABBR: Record<string, number> = dict({
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12, mrt: 3, okt: 10,
});
/** English month names that must be capitalized (the others are Dutch or identical in both languages). */
const EN_CAP_MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'october']);
/** Month names spelled alike in Dutch, where they are written in lower case. */
const NL_SHARED_MONTHS = new Set(['april']);
/** English month names that are also common words: need a date context. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august']);
const WEEKDAYS: Record<string, number> = dict({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6,
});
const NL_DAYPART = /^(zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)(ochtend|morgen|middag|avond|nacht)$/;
const SEASONS: Record<string, 'spring' | 'summer' | 'autumn' | 'winter'> = dict({
  spring: 'spring', summer: 'summer', autumn: 'autumn', fall: 'autumn', winter: 'winter',
  lente: 'spring', voorjaar: 'spring', zomer: 'summer', herfst: 'autumn', najaar: 'autumn',
});
const RELATIVE: Record<string, 'last' | 'next' | 'this'> = dict({
  last: 'last', past: 'last', previous: 'last', next: 'next', coming: 'next', this: 'this',
  vorige: 'last', vorig: 'last', afgelopen: 'last', verleden: 'last', volgende: 'next', volgend: 'next', komende: 'next', deze: 'this', dit: 'this',
});
const REL_UNITS: Record<string, 'year' | 'month' | 'week'> = dict({ year: 'year', month: 'month', week: 'week', jaar: 'year', maand: 'month' });
/** "last year", "vorig jaar" at token j (unused, space-separated): its relation and last token. */
function relativeYearAt(tokens: Token[], text: string, j: number, used: Uint8Array): { rel: 'last' | 'next' | 'this'; end: number } | undefined {
  const t = tokens[j];
  const u = tokens[j + 1];
  if (!t || !u || used[j] || used[j + 1] || !isSpaceGap(text, tokens[j - 1].end, t.start) || !isSpaceGap(text, t.end, u.start)) return undefined;
  const rel = RELATIVE[t.norm];
  return rel !== undefined && REL_UNITS[u.norm] === 'year' ? { rel, end: j + 1 } : undefined;
}
const DEICTIC: Record<string, 'last' | 'this' | 'next'> = dict({ yesterday: 'last', today: 'this', tomorrow: 'next', gisteren: 'last', vandaag: 'this' });
const YEAR_PREP = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'between', 'before', 'after', 'during', 'early', 'late', 'mid', 'around', 'through', 'and', 'to', 'or',
  'sinds', 'tot', 'vanaf', 'van', 'voor', 'na', 'begin', 'eind', 'medio', 'tussen', 'rond', 'tijdens', 'en', 'of', 'in', 'sedert',
]);
const MONTH_CONTEXT = new Set([...YEAR_PREP, 'last', 'next', 'this', 'on', 'op', 'vorige', 'afgelopen', 'volgende', 'komende', 'deze', 'eind', 'begin', 'half', 'midden']);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RANGE = /^(\d{4})-(\d{4}|\d{2})$/;
const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const FOUR = /^\d{4}$/;
const DAYNUM = /^(\d{1,2})(?:st|nd|rd|th|e|ste|de)?$/;
const DECADE = /^(\d{2}|\d{4})s$/;
const CURRENCY = /[$€£¥₪]\s?$/;

const DECADE_WORDS: Record<string, number> = dict({ twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 });
/** Every non-digit word that can start a date mention (fast pre-filter). */
const DATE_WORDS = new Set<string>([
  ...Object.keys(MONTHS), ...Object.keys(MONTH_ABBR), ...Object.keys(WEEKDAYS), ...Object.keys(SEASONS),
  ...Object.keys(RELATIVE), ...Object.keys(DEICTIC), ...Object.keys(DECADE_WORDS), 'jaren',
]);
const PREFIXED_YEAR = /^(mid|early|late|pre|post|begin|eind|medio|midden|half|vanaf|sinds)-(\d{4})(s)?$/;
const NL_DAYPART_FAST = /(?:ochtend|morgen|middag|avond|nacht)$/;

function isSpaceGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function gapIs(text: string, a: Token, b: Token, re: RegExp): boolean {
  return re.test(text.slice(a.end, b.start));
}
const COMMA_GAP = /^\s*,?\s*$/;
const ABBR_GAP = /^\.?\s+$|^\s*$/;
const SLASH_GAP = /^\/$/;

function monthOf(tokens: Token[], i: number, text: string, strict: boolean, lang: LanguageCode): number | undefined {
  const t = tokens[i];
  const n = t.norm;
  const full = MONTHS[n];
  if (full !== undefined) {
    // English month names must be capitalized; some also need context. Dutch writes its
    // month names in lower case, and "april" is one of them.
    if (EN_CAP_MONTHS.has(n) && !(lang === 'nl' && NL_SHARED_MONTHS.has(n))) {
      const c = t.text.charCodeAt(0);
      if (c < 65 || c > 90) return undefined;
      if (strict && AMBIGUOUS_MONTHS.has(n)) return undefined;
    }
    return full;
  }
  const ab = MONTH_ABBR[n];
  if (ab !== undefined && !strict) {
    const c = t.text.charCodeAt(0);
    if (n === 'jan' && c >= 65 && c <= 90 && text.charCodeAt(t.end) !== 46) return undefined; // "Jan" is also a first name
    return ab;
  }
  return undefined;
}

function dayNum(t: Token): number | undefined {
  const m = DAYNUM.exec(t.norm);
  if (!m) return undefined;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : undefined;
}

function yearNum(t: Token): number | undefined {
  if (!FOUR.test(t.norm)) return undefined;
  const y = Number(t.norm);
  return y >= 1000 && y <= 2200 ? y : undefined;
}

/** Is the four-digit token i a year (vs. a count)? See the module comment. */
function isYear(text: string, tokens: Token[], i: number, lang: LanguageCode, used: Uint8Array): boolean {
  const t = tokens[i];
  const y = yearNum(t);
  if (y === undefined) return false;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const prep = prev !== undefined && YEAR_PREP.has(prev.norm) && isSpaceGap(text, prev.end, t.start);
  if (y < 1900 || y > 2100) {
    if (!prep || y < 1000) return false;
  }
  if (CURRENCY.test(text.slice(Math.max(0, t.start - 2), t.start))) return false;
  if (/^\s?%/.test(text.slice(t.end, t.end + 2))) return false;
  if (comparatorStartBefore(text, tokens, i) >= 0) return false;
  if (prep) return true;
  const next = tokens[i + 1];
  if (!next || used[i + 1] || !isSpaceGap(text, t.end, next.start)) return true;
  const stops = stopSet(lang);
  const c = next.text.charCodeAt(0);
  const lowerWord = c >= 97 && c <= 122;
  const nounish = lowerWord && !stops.has(next.norm) && !/\d/.test(next.norm) && next.norm.length > 2;
  if (!nounish) return true;
  if (/^(percent|procent|per|people|mensen|persons|personen)$/.test(next.norm)) return false;
  return y % 100 !== 0;
}

export function findDates(text: string, tokens: Token[], lang: LanguageCode, used: Uint8Array): DateMention[] {
  const out: DateMention[] = [];
  const push = (a: number, b: number, d: Omit<DateMention, 'start' | 'end' | 'text'>) => {
    const start = tokens[a].start;
    const end = tokens[b].end;
    for (let k = a; k <= b; k++) used[k] = 1;
    out.push({ start, end, text: text.slice(start, end), ...d });
  };
  const len = tokens.length;
  for (let i = 0; i < len; i++) {
    if (used[i]) continue;
    const t = tokens[i];
    const n = t.norm;
    const c0 = n.charCodeAt(0);
    const isDigit = c0 >= 48 && c0 <= 57;
    if (isDigit) {
      let m = ISO_DAY.exec(n);
      if (m) {
        const mo = Number(m[2]);
        const d = Number(m[3]);
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) { push(i, i, { year: Number(m[1]), month: mo, day: d, granularity: 'day' }); continue; }
      }
      m = ISO_MONTH.exec(n);
      if (m) { push(i, i, { year: Number(m[1]), month: Number(m[2]), granularity: 'month' }); continue; }
      m = DMY.exec(n);
      if (m) {
        let d = Number(m[1]);
        let mo = Number(m[2]);
        if (mo > 12 && d <= 12) [d, mo] = [mo, d];
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) { push(i, i, { year: Number(m[3]), month: mo, day: d, granularity: 'day' }); continue; }
      }
      // "2018–19", "1999–2000": the tokenizer splits at an en or em dash.
      const nx = tokens[i + 1];
      const dashed = /^\d{4}$/.test(n) && nx && /^(?:\d{2}|\d{4})$/.test(nx.norm) && /^[\u2013\u2014]$/.test(text.slice(t.end, nx.start)) ? YEAR_RANGE.exec(`${n}-${nx.norm}`) : null;
      if (dashed) {
        const y1 = Number(dashed[1]);
        const y2 = dashed[2].length === 2 ? Math.floor(y1 / 100) * 100 + Number(dashed[2]) : Number(dashed[2]);
        if (y1 >= 1000 && y1 <= 2200 && y2 > y1 && y2 - y1 < 200) {
          used[i] = 1;
          used[i + 1] = 1;
          out.push({ start: t.start, end: t.end, text: t.text, year: y1, granularity: 'year' });
          out.push({ start: nx.start, end: nx.end, text: nx.text, year: y2, granularity: 'year' });
          continue;
        }
      }
      m = YEAR_RANGE.exec(n);
      if (m) {
        const y1 = Number(m[1]);
        const y2 = m[2].length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
        if (y1 >= 1000 && y1 <= 2200 && y2 > y1 && y2 - y1 < 200) {
          used[i] = 1;
          out.push({ start: t.start, end: t.start + 4, text: text.slice(t.start, t.start + 4), year: y1, granularity: 'year' });
          const s2 = t.start + 5;
          out.push({ start: s2, end: t.end, text: text.slice(s2, t.end), year: y2, granularity: 'year' });
          continue;
        }
      }
      // Decades: "1990s", "1990's", "'90s".
      const raw = t.text.toLowerCase().replace('’', "'");
      m = DECADE.exec(raw.replace("'s", 's'));
      if (m && (m[1].length === 4 || text[t.start - 1] === "'" || text[t.start - 1] === '’')) {
        let y = Number(m[1]);
        if (m[1].length === 2) y += y >= 30 ? 1900 : 2000;
        if (y % 10 === 0) {
          let a = i;
          if (i > 0 && tokens[i - 1].norm === 'the' && !used[i - 1]) a = i - 1;
          push(a, i, { year: y, granularity: 'decade' });
          continue;
        }
      }
      // Numeric d/m/yyyy with slashes as separate tokens.
      if (i + 2 < len && gapIs(text, t, tokens[i + 1], SLASH_GAP) && gapIs(text, tokens[i + 1], tokens[i + 2], SLASH_GAP)) {
        let d = dayNum(t);
        let mo = dayNum(tokens[i + 1]);
        const y = yearNum(tokens[i + 2]);
        if (d !== undefined && mo !== undefined && y !== undefined) {
          if (mo > 12 && d <= 12) [d, mo] = [mo, d];
          if (mo <= 12) { push(i, i + 2, { year: y, month: mo, day: d, granularity: 'day' }); continue; }
        }
      }
      // Day Month [Year]: "5 January 2018", "5 januari", "the 5th of January".
      const d = dayNum(t);
      if (d !== undefined && i + 1 < len) {
        let j = i + 1;
        if (tokens[j].norm === 'of' && j + 1 < len && isSpaceGap(text, t.end, tokens[j].start)) j++;
        if (isSpaceGap(text, tokens[j - 1].end, tokens[j].start)) {
          const mo = monthOf(tokens, j, text, false, lang);
          if (mo !== undefined) {
            let a = i;
            if (i > 0 && tokens[i - 1].norm === 'the' && j > i + 1) a = i - 1;
            const yt = tokens[j + 1];
            const y = yt && gapIs(text, tokens[j], yt, ABBR_GAP) ? yearNum(yt) : undefined;
            if (y !== undefined) push(a, j + 1, { year: y, month: mo, day: d, granularity: 'day' });
            else push(a, j, { month: mo, day: d, granularity: 'day' });
            continue;
          }
        }
      }
      if (isYear(text, tokens, i, lang, used)) {
        push(i, i, { year: Number(n), granularity: 'year' });
        continue;
      }
      continue;
    }
    // "mid-2015", "early-1990s", "eind-2015": the year (or decade) inside a prefixed word.
    const pm = n.length > 6 && n.charCodeAt(n.length - 1) < 58 || n.endsWith('0s') ? PREFIXED_YEAR.exec(n) : null;
    if (pm) {
      const y = Number(pm[2]);
      if (y >= 1000 && y <= 2200) {
        const s = t.start + pm[1].length + 1;
        const e = s + pm[2].length + (pm[3] ? pm[3].length : 0);
        used[i] = 1;
        out.push({ start: s, end: e, text: text.slice(s, e), year: y, granularity: pm[3] ? 'decade' : 'year' });
        continue;
      }
    }
    if (!DATE_WORDS.has(n) && !NL_DAYPART_FAST.test(n)) continue;
    // Month first: "January 5, 2018", "July 2015", "July of 2015", "last January", "in May".
    const strictMo = monthOf(tokens, i, text, true, lang);
    const mo = monthOf(tokens, i, text, false, lang);
    if (mo !== undefined) {
      const next = tokens[i + 1];
      const prev = i > 0 && !used[i - 1] ? tokens[i - 1] : undefined;
      const rel = prev && isSpaceGap(text, prev.end, t.start) ? RELATIVE[prev.norm] : undefined;
      const a = rel ? i - 1 : i;
      if (next && !used[i + 1] && gapIs(text, t, next, ABBR_GAP)) {
        const d = dayNum(next);
        if (d !== undefined && !/^\d{3,}/.test(next.norm)) {
          const yt = tokens[i + 2];
          const y = yt && gapIs(text, next, yt, COMMA_GAP) ? yearNum(yt) : undefined;
          if (y !== undefined) { push(a, i + 2, { year: y, month: mo, day: d, granularity: 'day', relative: rel }); continue; }
          // "January 5" (not "May 22 people"): accept when what follows is not a noun.
          const after = tokens[i + 2];
          if (!after || !isSpaceGap(text, next.end, after.start) || stopSet(lang).has(after.norm) || /^[A-Z]/.test(after.text)) {
            push(a, i + 1, { month: mo, day: d, granularity: 'day', relative: rel });
            continue;
          }
        }
        const y = yearNum(next);
        if (y !== undefined) { push(a, i + 1, { year: y, month: mo, granularity: 'month', relative: rel }); continue; }
        // "January last year", "in May of this year", "januari vorig jaar": the month of a
        // year given relative to the writing, one date (read as "last January" is).
        const ry = !rel ? relativeYearAt(tokens, text, next.norm === 'of' || next.norm === 'van' ? i + 2 : i + 1, used) : undefined;
        if (ry && (strictMo !== undefined || MONTHS[n] !== undefined)) { push(a, ry.end, { month: mo, granularity: 'month', relative: ry.rel }); i = ry.end; continue; }
        if ((next.norm === 'of' || next.norm === 'van') && tokens[i + 2] && isSpaceGap(text, next.end, tokens[i + 2].start)) {
          const y2 = yearNum(tokens[i + 2]);
          if (y2 !== undefined) { push(a, i + 2, { year: y2, month: mo, granularity: 'month', relative: rel }); continue; }
        }
      }
      const contextual = rel !== undefined || (prev !== undefined && MONTH_CONTEXT.has(prev.norm));
      if ((strictMo !== undefined && MONTHS[n] !== undefined) || (contextual && MONTHS[n] !== undefined)) {
        push(a, i, { month: mo, granularity: 'month', relative: rel });
        continue;
      }
      continue;
    }
    // Weekdays (with an optional relative word before).
    let wd = WEEKDAYS[n];
    if (wd === undefined) {
      const m = NL_DAYPART.exec(n);
      if (m) wd = WEEKDAYS[m[1]];
    }
    if (wd !== undefined) {
      const prev = i > 0 && !used[i - 1] ? tokens[i - 1] : undefined;
      const rel = prev && isSpaceGap(text, prev.end, t.start) ? RELATIVE[prev.norm] : undefined;
      push(rel ? i - 1 : i, i, { weekday: wd, granularity: 'weekday', relative: rel });
      continue;
    }
    // Seasons: "summer 2014", "the summer of 2014", "zomer van 2014", "last summer".
    const season = SEASONS[n];
    // "Arab Spring", "Prague Spring": part of a name, not a season.
    const inName = season !== undefined && /^\p{Lu}/u.test(t.text) && i > 0 && /^\p{Lu}/u.test(tokens[i - 1].text) && isSpaceGap(text, tokens[i - 1].end, t.start);
    if (season !== undefined && !inName) {
      const prev = i > 0 && !used[i - 1] ? tokens[i - 1] : undefined;
      const rel = prev && isSpaceGap(text, prev.end, t.start) ? RELATIVE[prev.norm] : undefined;
      let y: number | undefined;
      let b = i;
      const next = tokens[i + 1];
      if (next && isSpaceGap(text, t.end, next.start)) {
        y = yearNum(next);
        if (y !== undefined) b = i + 1;
        else if ((next.norm === 'of' || next.norm === 'van') && tokens[i + 2] && isSpaceGap(text, next.end, tokens[i + 2].start)) {
          y = yearNum(tokens[i + 2]);
          if (y !== undefined) b = i + 2;
        }
      }
      if (n === 'fall' && y === undefined && rel === undefined) continue;
      push(rel ? i - 1 : i, b, { year: y, granularity: 'season', relative: rel, season });
      continue;
    }
    // Decades in Dutch: "jaren negentig", "jaren '90", "jaren 90".
    if (n === 'jaren' && i + 1 < len && isSpaceGap(text, t.end, tokens[i + 1].start.valueOf() - (text[tokens[i + 1].start - 1] === "'" ? 1 : 0))) {
      const nn = tokens[i + 1].norm;
      const v = /^\d{2}$/.test(nn) ? Number(nn) : nlCardinal(nn);
      if (v !== undefined && v >= 20 && v <= 90 && v % 10 === 0) {
        let a = i;
        if (i > 0 && (tokens[i - 1].norm === 'de') && !used[i - 1]) a = i - 1;
        push(a, i + 1, { year: 1900 + v, granularity: 'decade' });
        continue;
      }
    }
    // "the fifties", "the nineties" (after "the"): decades of the 1900s.
    const dw = DECADE_WORDS[n];
    if (dw !== undefined && i > 0 && tokens[i - 1].norm === 'the' && !used[i - 1]) {
      push(i - 1, i, { year: dw, granularity: 'decade' });
      continue;
    }
    // Relative years and months: "last year", "vorig jaar", "this month", "deze maand".
    const rel = RELATIVE[n];
    if (rel !== undefined && i + 1 < len && isSpaceGap(text, t.end, tokens[i + 1].start)) {
      const unit = REL_UNITS[tokens[i + 1].norm];
      if (unit !== undefined) { push(i, i + 1, { granularity: unit, relative: rel }); i++; continue; }
    }
    const deictic = DEICTIC[n];
    if (deictic !== undefined && (i === 0 || !/^\p{Lu}/u.test(t.text) || /[.!?:"“\n]/.test(text.slice(tokens[i - 1].end, t.start)))) { push(i, i, { granularity: 'day', relative: deictic }); continue; }
  }
  return out;
}
