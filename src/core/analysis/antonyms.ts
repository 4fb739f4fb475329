/**
 * Antonym / polarity pairs for contradiction detection, English and Dutch.
 * Each line: words of one side | words of the other side. Words are stemmed at load
 * with both stemmers, so areAntonyms() takes stems from either language; "=word" is kept
 * as an exact form only (its stem would also cover an unrelated word).
 * General-purpose news vocabulary only.
 */
import { fold } from './fold';
import { stemWord } from './stem';

const PAIRS = `
greater,larger,bigger,higher,more,maximal,groter,hoger,meer,maximaal|smaller,lower,less,fewer,minimal,negligible,marginal,kleiner,lager,minder,minimaal,verwaarloosbaar
major,majeur|minor,gering,geringe
increase,increased,increases,rise,rose,risen,rising,grow,grew,grown,growth,climb,climbed,stijgen,steeg,gestegen,stijging,toename,toegenomen,groeien,groeide,gegroeid|decrease,decreased,decreases,fall,fell,fallen,falling,decline,declined,drop,dropped,shrink,shrank,dalen,daalde,gedaald,daling,afname,afgenomen,krimpen,kromp,gekrompen
win,won,wins,winning,victory,winnen,won,gewonnen,overwinning|lose,lost,loses,losing,defeat,defeated,verliezen,verloor,verloren,nederlaag
accept,accepted,accepts,approve,approved,agree,agreed,aanvaarden,aanvaard,accepteren,geaccepteerd,goedgekeurd,goedkeuren,akkoord|refuse,refused,reject,rejected,rejects,decline,declined,deny,weigeren,weigerde,geweigerd,verwerpen,verworpen,afgewezen,afwijzen
allow,allowed,permit,permitted,legal,legalize,toestaan,toegestaan,legaal|ban,banned,bans,forbid,forbidden,prohibit,prohibited,illegal,outlaw,outlawed,verbieden,verboden,verbod,illegaal
open,opened,opens,reopen,reopened,openen,opende,geopend,heropend,open|=closed,=closes,closure,shut,shutdown,sluiten,sloot,gesloten,dicht
alive,survive,survived,survivor,survivors,living,levend,overleefd,overleven,overlevenden|dead,died,killed,death,deaths,dood,doden,gedood,overleden,omgekomen,stierf
before,earlier,prior,voor,voordat,eerder|after,later,following,na,nadat,later
maximal,maximum,max,maximaal,maximum|minimal,minimum,min,minimaal,minimum
first,eerste|last,final,laatste
earliest,vroegste|latest,laatste,recentste
best,greatest,finest,beste,grootste|worst,slechtste
enter,entered,entry,arrive,arrived,binnengaan,binnenkomen,binnengekomen,aankomen,aangekomen|leave,=left,exit,exited,depart,departed,verlaten,verliet,vertrekken,vertrok,vertrokken
confirm,confirmed,confirms,bevestigen,bevestigd,bevestigde|deny,denied,denies,ontkennen,ontkend,ontkende
support,supported,supports,backed,favour,favor,steunen,steunde,gesteund,voorstander|oppose,opposed,opposes,against,tegen,tegenstander,verzetten
start,started,begin,began,begun,launch,launched,beginnen,begon,begonnen,starten,gestart|end,ended,stop,stopped,finish,finished,halt,halted,eindigen,eindigde,geeindigd,stoppen,gestopt,beeindigd
guilty,convicted,schuldig,veroordeeld|innocent,acquitted,onschuldig,vrijgesproken
true,correct,waar,juist,correct|false,wrong,incorrect,onwaar,onjuist,fout
rich,wealthy,rijk|poor,arm
strong,stronger,sterk,sterker|weak,weaker,zwak,zwakker
north,northern,noord,noordelijk|south,southern,zuid,zuidelijk
east,eastern,oost,oostelijk|west,western,west,westelijk
up,upward,omhoog|down,downward,omlaag
success,successful,succeeded,succes,geslaagd,gelukt|failure,failed,fail,mislukt,mislukking,faalde
peace,ceasefire,truce,vrede,bestand,wapenstilstand|war,fighting,oorlog,gevechten
arrested,detained,captured,gearresteerd,aangehouden,opgepakt|released,freed,vrijgelaten,vrijgekomen,bevrijd
public,openbaar,publiek|private,secret,geheim,besloten,privé
include,included,including,inclusief,inbegrepen|exclude,excluded,excluding,exclusief,uitgesloten
legal,lawful,wettig,legaal|illegal,unlawful,onwettig,illegaal
majority,meerderheid|minority,minderheid
young,younger,youngest,jong,jonger,jongste|old,older,oldest,oud,ouder,oudste
early,vroeg|late,laat
import,imported,imports,invoer,importeren|export,exported,exports,uitvoer,exporteren
form,formed,found,founded,establish,established,create,created,opgericht,oprichten,opgezet|disband,disbanded,dissolve,dissolved,abolish,abolished,collapse,collapsed,ontbonden,opgeheven,opheffen
born,birth,geboren,geboorte|died,death,overleden,overlijden,stierf
present,attended,aanwezig|absent,missing,afwezig
married,marry,wedding,trouwde,getrouwd,huwelijk|divorced,divorce,scheidde,gescheiden,scheiding
hire,hired,appoint,appointed,aangenomen,benoemd|dismiss,dismissed,sacked,ontslagen,ontslag
love,loved,liefde|hate,hated,haat
friend,ally,allies,vriend,bondgenoot|enemy,enemies,foe,rival,vijand,vijanden
victory,triumph,overwinning|defeat,nederlaag
real,actual,factual,echt,werkelijk|fictional,fictitious,imaginary,fictief,fictieve,denkbeeldig
inside,within,binnen|outside,buiten
`;

const sides = new Map<string, Array<[number, 0 | 1]>>();

function addStem(stem: string, group: number, side: 0 | 1): void {
  const list = sides.get(stem) ?? [];
  if (!list.some(([g, s]) => g === group && s === side)) list.push([group, side]);
  sides.set(stem, list);
}

let group = 0;
for (const line of PAIRS.split('\n')) {
  const halves = line.trim().split('|');
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

/** `x` is `y` with a negative prefix or suffix. */
function negativeOf(x: string, y: string): boolean {
  if (y.length < 4) return false;
  const d = x.length - y.length;
  if (d === 2) return x.startsWith('un') && x.endsWith(y) ? true : y.length >= 5 && x.startsWith('on') && x.endsWith(y);
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
