/**
 * Antonym / polarity pairs for contradiction detection, English and Dutch.
 * Each line: words of one side | words of the other side, then after '#' why the row is
 * there. Words are stemmed at load with both stemmers, so areAntonyms() takes stems from
 * either language; "=word" is kept as an exact form only (its stem would also cover an
 * unrelated word). A row stays only when its two sides are opposites in general: the ends
 * of one scale (more/less), reversives (formed/disbanded: the one undoes the other) or
 * contraries (true/false). 'Collapsed' is no reversal of 'founded', 'born' and 'died' are two
 * events, 'rival' is no 'enemy', and a preposition such as 'against' or Dutch 'voor' (mostly
 * 'for') is no antonym: those entries are gone. So is arrested/released: people arrested
 * are often released later, and "mass arrests of X's supporters" made a conflict of a claim
 * that someone freed them.
 *
 * The matcher does not read WordNet's antonyms: areAntonyms() gets no part of speech, and
 * WordNet's close/open (verbs) would make 'close' (near) an antonym of 'opened'. Measured on
 * the eval sets, adding them (first 3 senses) changed no verdict. So the rows WordNet covers
 * in full stay; each reason says what WordNet lacks (the pairs across a row, Dutch forms)
 * or that it has the pair. `npx tsx bench/lexicon-coverage.ts` counts them.
 */
import { fold } from './fold';
import { getLexicon } from './lexicon';
import { stemWord } from './stem';

const PAIRS = `
greater,larger,bigger,higher,more,maximal,groter,hoger,meer,maximaal|smaller,lower,less,fewer,minimal,kleiner,lager,minder,minimaal  # comparison on one scale: every 'more' word contradicts every 'less' word; WordNet pairs them word by word (more/less, high/low) and not across (greater/minimal)
major,majeur|minor,gering,geringe  # Dutch 'majeur'/'gering'; WordNet has major/minor only
increase,increased,increases,rise,rose,risen,rising,grow,grew,grown,growth,climb,climbed,stijgen,steeg,gestegen,stijging,toename,toegenomen,groeien,groeide,gegroeid|decrease,decreased,decreases,fall,fell,fallen,falling,decline,declined,drop,dropped,shrink,shrank,dalen,daalde,gedaald,daling,afname,afgenomen,krimpen,kromp,gekrompen  # direction of change: every 'up' verb contradicts every 'down' verb; WordNet pairs increase/decrease, rise/fall, grow/shrink and not across (rose/dropped), and ODWN lacks the strong Dutch forms
win,won,wins,winning,victory,winnen,won,gewonnen,overwinning|lose,lost,loses,losing,defeat,verliezen,verloor,verloren,nederlaag  # WordNet pairs win/lose, victory/defeat and the Dutch verbs, not across (won/defeat)
accept,accepted,accepts,approve,approved,agree,agreed,aanvaarden,aanvaard,accepteren,geaccepteerd,goedgekeurd,goedkeuren|refuse,refused,reject,rejected,rejects,weigeren,weigerde,geweigerd,verwerpen,verworpen,afgewezen,afwijzen  # acceptance against refusal; WordNet pairs accept with refuse/reject, not approve/agree or goedgekeurd/verworpen
allow,allowed,permit,permitted,legalize,toestaan,toegestaan|ban,banned,bans,forbid,forbidden,prohibit,prohibited,outlaw,outlawed,verbieden,verboden,verbod  # permission against prohibition; WordNet pairs permit/forbid and legalize/outlaw, not allow/ban
open,opened,opens,reopen,reopened,openen,opende,geopend,heropend,open|=closed,=closes,closure,shut,shutdown,sluiten,sloot,gesloten,dicht  # open/closed; exact '=closed' because the stem of 'close' is also 'near', which is also why the matcher reads no WordNet antonyms (its close/open are verbs)
alive,survive,survived,survivor,survivors,living,levend,overleefd,overleven,overlevenden|dead,died,killed,death,deaths,dood,doden,gedood,overleden,omgekomen,stierf  # survived against killed or died; WordNet has alive/dead, living/dead only
before,earlier,prior,voordat,eerder|after,later,following,na,nadat,later  # order in time; WordNet pairs earlier/later only, not before/after
maximal,maximum,max,maximaal,maximum|minimal,minimum,min,minimaal,minimum  # max/min abbreviations and Dutch; WordNet has maximal/minimal
first,eerste|last,final,laatste  # WordNet has first/last, not first/final or the Dutch
earliest,vroegste|latest,laatste,recentste  # WordNet has earliest/latest, not the Dutch
best,beste|worst,slechtste  # WordNet has best/worst and the Dutch; kept as the matcher reads no WordNet antonyms
enter,entered,entry,arrive,arrived,binnengaan,binnenkomen,binnengekomen,aankomen,aangekomen|leave,=left,exit,exited,depart,departed,verlaten,verliet,vertrekken,vertrok,vertrokken  # arriving against leaving; WordNet pairs enter/exit, arrive/leave, not arrive/depart; exact '=left' (the side)
confirm,confirmed,confirms,bevestigen,bevestigd,bevestigde|deny,denied,denies,ontkennen,ontkend,ontkende  # WordNet has no antonym pointer between confirm and deny
support,supported,supports,backed,favour,favor,steunen,steunde,gesteund,voorstander|oppose,opposed,opposes,tegenstander,verzetten  # WordNet has no antonym pointer between support and oppose
start,started,begin,began,begun,launch,launched,beginnen,begon,begonnen,starten,gestart|end,ended,stop,stopped,finish,finished,halt,halted,eindigen,eindigde,geeindigd,stoppen,gestopt,beeindigd  # beginning against ending; WordNet pairs begin/end, not start/stop or launch/halt
guilty,convicted,schuldig,veroordeeld|innocent,acquitted,onschuldig,vrijgesproken  # WordNet has guilty/innocent, convicted/acquitted, not the Dutch
true,correct,waar,juist,correct|false,wrong,incorrect,onwaar,onjuist,fout  # WordNet has true/false, correct/incorrect and most Dutch, not 'wrong'
rich,wealthy,rijk|poor,arm  # WordNet has rich/poor, rijk/arm, not wealthy/poor
strong,stronger,sterk,sterker|weak,weaker,zwak,zwakker  # WordNet has strong/weak; ODWN lacks sterk/zwak
north,northern,noord,noordelijk|south,southern,zuid,zuidelijk  # Dutch forms ODWN lacks
east,eastern,oost,oostelijk|west,western,west,westelijk  # Dutch 'oost' ODWN lacks
up,upward,omhoog|down,downward,omlaag  # Dutch 'omhoog'/'omlaag' ODWN lacks
success,successful,succeeded,succes,geslaagd,gelukt|failure,failed,fail,mislukt,mislukking,faalde  # WordNet pairs success/failure, succeed/fail, not across
peace,vrede|war,oorlog  # WordNet has peace/war; ODWN lacks vrede/oorlog
public,openbaar,publiek|private,secret,geheim,besloten,privé  # WordNet has public/private, not public/secret or the Dutch
include,included,including,inclusief,inbegrepen|exclude,excluded,excluding,exclusief,uitgesloten  # WordNet has include/exclude; ODWN lacks the Dutch
early,vroeg|late,laat  # WordNet has early/late; ODWN lacks vroeg/laat
form,formed,establish,established,create,created,opgericht,oprichten,opgezet|disband,disbanded,dissolve,dissolved,abolish,abolished,ontbonden,opgeheven,opheffen  # setting up against dissolving an organisation (reversives); WordNet pairs establish/abolish only
present,attended,aanwezig|absent,missing,afwezig  # WordNet has present/absent, attended/missing, not the Dutch
married,marry,wedding,trouwde,getrouwd,huwelijk|divorced,divorce,scheidde,gescheiden,scheiding  # marrying against divorcing (reversives); WordNet has no pointer
hire,hired,appoint,appointed,aangenomen,benoemd|dismiss,dismissed,sacked,ontslagen,ontslag  # hiring against dismissing (reversives); WordNet has no pointer
friend,ally,allies,vriend,bondgenoot|enemy,enemies,foe,vijand,vijanden  # WordNet has friend/foe, not ally/enemy or friend/enemy
real,actual,factual,echt,werkelijk|fictional,fictitious,imaginary,fictief,fictieve,denkbeeldig  # WordNet has no real/fictional pair
legal,lawful,wettig,legaal|illegal,unlawful,onwettig,illegaal  # WordNet has legal/illegal, lawful/unlawful; kept as the matcher reads no WordNet antonyms (and il- is no prefix negativePrefix() knows)
majority,meerderheid|minority,minderheid  # WordNet has this pair; kept as the matcher reads no WordNet antonyms
young,younger,youngest,jong,jonger,jongste|old,older,oldest,oud,ouder,oudste  # WordNet has young/old; kept as the matcher reads no WordNet antonyms
import,imported,imports,invoer,importeren|export,exported,exports,uitvoer,exporteren  # WordNet has import/export; kept as the matcher reads no WordNet antonyms
love,loved,liefde|hate,hated,haat  # WordNet has love/hate; kept as the matcher reads no WordNet antonyms
victory,triumph,overwinning|defeat,nederlaag  # WordNet has victory/defeat; kept as the matcher reads no WordNet antonyms
inside,within,binnen|outside,buiten  # 'within' and the Dutch; WordNet has inside/outside
`;

const sides = new Map<string, Array<[number, 0 | 1]>>();

function addStem(stem: string, group: number, side: 0 | 1): void {
  const list = sides.get(stem) ?? [];
  if (!list.some(([g, s]) => g === group && s === side)) list.push([group, side]);
  sides.set(stem, list);
}

let group = 0;
for (const line of PAIRS.split('\n')) {
  const halves = line.replace(/\s+#.*$/, '').trim().split('|');
  if (halves.length !== 2) continue;
  halves.forEach((half, side) => {
    for (const w of half.split(',')) {
      // "=word": exact form only; its stem is shared with an unrelated word ("closed" ~ "close" = near).
      const exact = w.trim().startsWith('=');
      const f = fold(w.trim().replace(/^=/, ''));
      if (!f) continue;
      if (exact) { addStem(f, group, side as 0 | 1); continue; }
      addStem(stemWord(f, 'en'), group, side as 0 | 1);
      addStem(stemWord(f, 'nl'), group, side as 0 | 1);
      addStem(f, group, side as 0 | 1);
    }
  });
  group++;
}

function tablePair(stemA: string, stemB: string): boolean {
  const a = sides.get(stemA);
  const b = sides.get(stemB);
  if (!a || !b) return false;
  for (const [ga, sa] of a) for (const [gb, sb] of b) if (ga === gb && sa !== sb) return true;
  return false;
}

/** Words where "dis-" is not a negation (display/play, disease/ease, ...). */
const DIS_EXCEPTIONS = new Set(['play', 'eas', 'count', 'cover', 'pose', 'miss', 'charg', 'patch', 'tract', 'trict', 'tanc', 'solv', 'close', 'cours', 'pens', 'pers', 'tribut', 'posit', 'ord', 'turb', 'gust', 'guis', 'mantl', 'card', 'cuss', 'sent', 'abl']);

/**
 * "unsuccessful"/"successful", "non-violent"/"violent", "disassociated"/"associated",
 * "childless"/"child", Dutch "onwettig"/"wettig".
 */
function negativePrefix(a: string, b: string): boolean {
  // The affixes are two to four letters long: other length differences never qualify.
  const d = a.length - b.length;
  if (d === 0 || d > 4 || d < -4 || d === 1 || d === -1) return false;
  return negativeOf(a, b) || negativeOf(b, a);
}

/** A lemma of English WordNet (without the lexicon, none is). */
function englishWord(w: string): boolean {
  return (getLexicon()?.lemmas(w, 'en').length ?? 0) > 0;
}

/** `x` is `y` with a negative prefix or suffix. */
function negativeOf(x: string, y: string): boolean {
  if (y.length < 4) return false;
  const d = x.length - y.length;
  // Dutch "on-" (onwaar, onduidelijk); an English word that begins so is no negation
  // ("onstage", "online", "onshore").
  if (d === 2) return x.startsWith('un') && x.endsWith(y) ? true : y.length >= 5 && x.startsWith('on') && x.endsWith(y) && !englishWord(x);
  if (d === 3) return (x.startsWith('non') || (x.startsWith('dis') && !DIS_EXCEPTIONS.has(y))) && x.endsWith(y);
  if (d === 4) return (x.startsWith('non-') && x.endsWith(y)) || (x.endsWith('less') && x.startsWith(y));
  return false;
}

/**
 * True when the two stems (or folded words) are opposites: on opposite sides of one
 * table pair, one is the other with a negative prefix (un-, non-, Dutch on-), or two
 * hyphenated words differ in one antonymous part ("best-selling"/"worst-selling").
 */
export function areAntonyms(stemA: string, stemB: string): boolean {
  if (stemA === stemB) return false;
  if (tablePair(stemA, stemB) || negativePrefix(stemA, stemB)) return true;
  if (stemA.includes('-') && stemB.includes('-')) {
    const pa = stemA.split('-');
    const pb = stemB.split('-');
    if (pa.length !== pb.length) return false;
    let diff = -1;
    for (let k = 0; k < pa.length; k++) {
      if (pa[k] === pb[k]) continue;
      if (diff >= 0) return false;
      diff = k;
    }
    return diff >= 0 && (tablePair(pa[diff], pb[diff]) || negativePrefix(pa[diff], pb[diff]));
  }
  return false;
}

/** Antonym groups of a stem as "group:side" ids (for indexing or explanation). */
export function polarityOf(stem: string): string[] {
  return (sides.get(stem) ?? []).map(([g, s]) => `${g}:${s}`);
}
