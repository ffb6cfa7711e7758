/**
 * Small English and Russian stop-word lists. Running prose is dense in function words while
 * menus, tag lists, tickers and captions are not; that density (as in jusText) is the main signal
 * that separates an article paragraph from page furniture. The lists are deliberately short: they
 * only need to be stable across topics, not complete. The two alphabets never collide, so one
 * set serves both languages.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before
being between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own said same says she should so some such than
that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your`;

const RUSSIAN = `а без более больше будет будут бы был была были было быть в вам вас весь во вокруг вот все всё всего
всей всем всех вся вы где да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им
ими их к как какой когда ко кроме которая которого которое которой котором которому которые который
которым которых кто ли либо лишь между меня мне может могут мы на над надо нам нас не него нее неё
ней нем нём нет ни них но ну о об однако он она они оно от очень перед по под после при про против с
свое своё свои своей своего своих свой своим со среди так также такой там те тем теперь того тоже
той только том тот тут ты у уже хотя чем через что чтобы эта эти это этого этой этом этот этих этим
эту я`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${RUSSIAN}`.split(/\s+/).filter(Boolean));
