"""The fictitious judge's posts for `footprint demo --posts` and benchmarks/posts.py, with the
truth: which rule each post breaks. Written before the rule lexicons, as a judge would write,
including near misses (a phone case, a party last night, "I voted today", a hearing she will not
talk about). Everything is invented: the judge, her family, the lawyers, parties and cases.

Each entry: (platform, key, date, text, rules broken). `key` makes the post's id; a key starting
with "deleted-" is a post deleted from the platform that only the web archive still holds.
"""

from __future__ import annotations

PE, CE, CC, EX, LF = ("political_endorsement", "commercial_endorsement", "case_comment",
                      "ex_parte_contact", "locates_family")

Entry = tuple[str, str, str, str, tuple[str, ...]]

POSTS: list[Entry] = [
    # --- Mastodon, Czech ------------------------------------------------------------------
    ("mastodon", "m01", "2026-01-08T07:12:00Z", "Dnes ráno krásná mlha nad Špilberkem. Káva a do práce.", ()),
    ("mastodon", "m02", "2026-01-15T19:40:00Z", "Volte v sobotu Stranu zelené budoucnosti, jinak to bude průšvih!", (PE,)),
    ("mastodon", "m03", "2026-01-22T20:05:00Z", "Rozsudek odvolacího soudu ve věci Novák je podle mě naprosto chybný.", (CC,)),
    ("mastodon", "m04", "2026-02-02T21:30:00Z", "Děkuji JUDr. Kovářovi za včerejší večeři, probrali jsme i jeho klienta v tom sporu o pozemek.", (EX,)),
    ("mastodon", "m05", "2026-02-10T08:00:00Z", "Od pondělí do 20. února jsme celá rodina na horách, byt zůstane prázdný.", (LF,)),
    ("mastodon", "m06", "2026-02-18T16:45:00Z", "Tereza dnes vyhrála recitační soutěž na ZŠ Lesní čtvrť! Jsme pyšní.", (LF,)),
    ("mastodon", "m07", "2026-02-25T10:10:00Z", "Doporučuji všem kavárnu Zrnko na Veveří, se slevovým kódem ALENA20 máte 20 % dolů.", (CE,)),
    ("mastodon", "m08", "2026-03-03T21:00:00Z", "Přečetla jsem novou knihu o dějinách českého práva, velmi čtivé.", ()),
    ("mastodon", "m09", "2026-03-09T18:20:00Z", "Podpořte kandidáta Petra Dvořáka v krajských volbách, má můj hlas.", (PE,)),
    ("mastodon", "m10", "2026-03-21T12:00:00Z", "Konečně jaro. Na zahradě kvetou tulipány.", ()),
    ("mastodon", "m11", "2026-03-28T22:15:00Z", "Nechápu, jak mohl Nejvyšší soud takhle rozhodnout o restitucích. Ostuda.", (CC,)),
    ("mastodon", "m12", "2026-04-04T17:30:00Z", "Na kole kolem Brněnské přehrady, 40 km a bolí mě nohy.", ()),
    ("mastodon", "m13", "2026-04-11T20:50:00Z", "Pane advokáte Bureši, pošlete mi ten návrh rovnou do soukromé zprávy, podívám se na to.", (EX,)),
    ("mastodon", "m14", "2026-04-16T15:00:00Z", "Přednáška pro studenty práv o etice soudců byla skvělá, díky za pozvání.", ()),
    ("mastodon", "m15", "2026-04-25T18:00:00Z", "Bydlíme teď v Kaštanové ulici, kdo je ze sousedství, stavte se v sobotu na grilování.", (LF,)),
    ("mastodon", "m16", "2026-05-02T21:40:00Z", "Obžalovaný v tom případu vražd na Vysočině je zjevně vinen, uvidíte.", (CC,)),
    ("mastodon", "m17", "2026-05-09T13:00:00Z", "Dnes jsem volila. Volit je důležité, ať si vyberete kohokoli.", ()),
    ("mastodon", "m18", "2026-05-16T19:00:00Z", "Mám ráda podzimní Brno a dlouhé procházky, i když je teprve květen.", ()),
    ("mastodon", "m19", "2026-05-23T09:30:00Z", "Výborná nová pekárna U Lípy, kupujte tam, majitel je můj bratranec!", (CE,)),
    ("mastodon", "m20", "2026-06-01T08:15:00Z", "Manžel Radu začíná novou práci v Techfinance Brno, držte palce!", (LF,)),
    ("mastodon", "m21", "2026-06-13T14:20:00Z", "Právě jsme na koupališti Riviéra, děti řádí ve vodě.", (LF,)),
    ("mastodon", "m22", "2026-06-20T20:00:00Z", "Strana pro Moravu má jediný rozumný program, budu ji volit a vy taky.", (PE,)),
    ("mastodon", "m23", "2026-06-26T18:40:00Z", "Dnešní jednání se protáhlo, ale nemohu o něm nic říct.", ()),
    ("mastodon", "m24", "2026-07-04T22:00:00Z", "Včera fotbal 2:1 pro Zbrojovku, skvělý zápas.", ()),
    ("mastodon", "m25", "2026-07-11T19:25:00Z", "Advokátka Malá mi napsala kvůli stání ve čtvrtek, domluvíme se mimo soud.", (EX,)),
    ("mastodon", "deleted-m26", "2025-11-20T21:00:00Z", "Ten rozsudek v kauze Kratochvíl byl justiční omyl, kolegové to víc pokazit nemohli.", (CC,)),
    ("mastodon", "deleted-m27", "2025-12-18T09:00:00Z", "Odjíždíme na tři týdny do Rumunska, dům hlídá jen kočka.", (LF,)),
    # --- Bluesky, Romanian ----------------------------------------------------------------
    ("bluesky", "b01", "2026-01-10T08:00:00Z", "Dimineață frumoasă la Brno, o cafea și la muncă.", ()),
    ("bluesky", "b02", "2026-01-17T18:00:00Z", "Votați cu Partidul Viitorului pe 24 noiembrie, e singura alegere bună!", (PE,)),
    ("bluesky", "b03", "2026-01-24T21:10:00Z", "Decizia Curții de Apel în dosarul Popescu este o rușine, judecătorii au greșit grav.", (CC,)),
    ("bluesky", "b04", "2026-02-01T12:30:00Z", "Vă recomand restaurantul La Bunica din Iași, cu codul ALENA primiți 15% reducere.", (CE,)),
    ("bluesky", "b05", "2026-02-08T09:00:00Z", "Plecăm în vacanță până pe 30 august, casa rămâne goală.", (LF,)),
    ("bluesky", "b06", "2026-02-15T17:00:00Z", "Tereza a luat premiul întâi la școala ZŠ Lesní čtvrť, suntem mândri!", (LF,)),
    ("bluesky", "b07", "2026-02-22T20:00:00Z", "Am citit o carte minunată despre istoria Transilvaniei.", ()),
    ("bluesky", "b08", "2026-03-01T19:45:00Z", "Mulțumesc avocatului Marinescu pentru sfaturi despre procesul pe care îl judec.", (EX,)),
    ("bluesky", "b09", "2026-03-08T10:00:00Z", "Susțin candidatul Andrei Munteanu la alegerile locale, votați-l!", (PE,)),
    ("bluesky", "b10", "2026-03-15T13:00:00Z", "Ploaie toată ziua, perfect pentru o supă de legume.", ()),
    ("bluesky", "b11", "2026-03-22T22:30:00Z", "Inculpatul din cazul de la Cluj este clar vinovat, orice ar spune apărarea.", (CC,)),
    ("bluesky", "b12", "2026-03-29T23:00:00Z", "Am fost la nunta verișoarei mele în Sibiu, a fost superb.", ()),
    ("bluesky", "b13", "2026-04-05T20:20:00Z", "Stimate domnule avocat Dragomir, trimiteți-mi documentele pe mesaj privat, mă uit eu peste ele.", (EX,)),
    ("bluesky", "b14", "2026-04-12T16:00:00Z", "Cumpărați vinurile de la Crama Dealul Mare, sunt cele mai bune, merită fiecare leu!", (CE,)),
    ("bluesky", "b15", "2026-04-19T15:10:00Z", "Acum suntem la piscina de lângă casă, pe Kaštanová, copiii se distrează.", (LF,)),
    ("bluesky", "b16", "2026-04-26T12:00:00Z", "Astăzi am votat. Fiecare vot contează, indiferent pentru cine.", ()),
    ("bluesky", "b17", "2026-05-03T10:00:00Z", "Sărbători fericite tuturor prietenilor din România!", ()),
    ("bluesky", "b18", "2026-05-10T19:00:00Z", "O zi lungă la tribunal, dar nu pot spune nimic despre ședință.", ()),
    ("bluesky", "b19", "2026-05-17T09:40:00Z", "Soțul meu Radu lucrează acum la Techfinance Brno, în centrul orașului.", (LF,)),
    ("bluesky", "b20", "2026-05-24T07:30:00Z", "Am alergat 10 km în parc, un nou record personal.", ()),
    # --- Reddit, English ------------------------------------------------------------------
    ("reddit", "r01", "2026-01-12T21:00:00Z", "Great thread. I've been rereading Bleak House, and Jarndyce v Jarndyce is still the best satire of the courts ever written.", ()),
    ("reddit", "r02", "2026-01-26T22:00:00Z", "Honestly the appeals court got it completely wrong in the Harlow decision, the reasoning is embarrassing.", (CC,)),
    ("reddit", "r03", "2026-02-09T18:00:00Z", "Everyone in the district should vote for Maria Delgado on Tuesday, she has my full support.", (PE,)),
    ("reddit", "r04", "2026-02-23T11:00:00Z", "If you're in Brno, try the espresso at Kafe Zrnko, best in town. Use my code ALENA20 for a discount.", (CE,)),
    ("reddit", "r05", "2026-03-09T08:00:00Z", "We're away until the 20th, so no board game night this week, sorry folks.", (LF,)),
    ("reddit", "r06", "2026-03-23T20:30:00Z", "Counsel for the plaintiff in my courtroom messaged me here, so let's talk about the motion privately.", (EX,)),
    ("reddit", "r07", "2026-04-06T17:00:00Z", "Anyone know a good bike shop for fixing a derailleur?", ()),
    ("reddit", "r08", "2026-04-20T19:00:00Z", "My phone case cracked again, any recommendations?", ()),
    ("reddit", "r09", "2026-05-04T10:00:00Z", "The party last night was fantastic, thanks everyone for coming.", ()),
    ("reddit", "r10", "2026-05-18T20:00:00Z", "Our daughter Tereza starts at ZS Lesni ctvrt next week, any tips for first graders?", (LF,)),
    ("reddit", "r11", "2026-06-01T21:45:00Z", "The defendant in the Brno tram case is obviously guilty, no need for a trial.", (CC,)),
    ("reddit", "r12", "2026-06-15T13:00:00Z", "Voted today. Whatever your views, please vote.", ()),
    # --- Blog, English and Czech ------------------------------------------------------------
    ("blog", "judicial-ethics-seminar", "2026-01-05T10:00:00Z", "Notes from a judicial ethics seminar\nWhat judges should and should not post, and why the front page of a newspaper is a good test.", ()),
    ("blog", "moravian-karst", "2026-01-19T10:00:00Z", "Walking the Moravian Karst\nThree routes for a weekend, with a map of the caves and the best places for lunch.", ()),
    ("blog", "green-future", "2026-02-16T10:00:00Z", "Why I am supporting the Green Future Party\nThis election I am supporting the Green Future Party, and you should vote for them too.", (PE,)),
    ("blog", "espresso-machine", "2026-03-02T10:00:00Z", "Review: the Ristretto Pro espresso machine\nIt is worth every crown. Buy it through my affiliate link and get a free bag of beans.", (CE,)),
    ("blog", "new-trees", "2026-03-16T10:00:00Z", "New trees in our street\nKaštanová finally got new chestnut trees; the kids love the view from our front window.", (LF,)),
    ("blog", "kniha-dejiny", "2026-03-30T10:00:00Z", "Recenze: Dějiny soudnictví v českých zemích\nKniha, kterou doporučuji studentům práv jako úvod do tématu.", ()),
    ("blog", "family-law-lessons", "2026-04-13T10:00:00Z", "Twenty years of family law\nLessons from two decades on the bench, without any particular case in mind.", ()),
    ("blog", "custody-ruling", "2026-04-27T10:00:00Z", "A ruling I cannot accept\nMy colleague's ruling in the Svoboda custody case was a disgrace, and I told the parties' lawyers so over lunch.", (CC, EX)),
    ("blog", "sunday-lunch", "2026-05-11T10:00:00Z", "Sunday lunch\nSvíčková like my grandmother made it, and a long walk afterwards.", (LF,)),
    ("blog", "deleted-summer-plans", "2025-06-20T10:00:00Z", "Summer plans\nWe leave for Romania on 1 July and the house stays empty for a month.", (LF,)),
]

GEOTAGGED = {"sunday-lunch"}
"""Blog posts whose feed entry carries a GeoRSS point (the family's home)."""
