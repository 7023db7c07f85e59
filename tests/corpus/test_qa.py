"""The held-out question sets (questions-qa*.yaml) keep their score, and the scorer judges what it should.

The questions were written from public timelines before the corpus was looked at (issue 13). This test
runs them all through ``actorgraph relations`` / ``actorgraph explain`` and fails if fewer are right than
the score reached when it was written, or if a question other than the known ones goes wrong, so a
regression in the data or the explainer shows by name.
"""

from __future__ import annotations

import functools

import pytest

from tests.corpus import qa

#: Right answers when this test was written (of 86); raise it when the corpus answers more.
FINAL_SCORE = 85

#: Right answers of the second set (questions-qa2.yaml, of 41): 31 on its first run, 40 after claims-13u,
#: 41 once the explainer read "Whom does ACTOR fight?" and a state's fights through its forces.
FINAL_SCORE_QA2 = 41

#: Right answers of the third set (questions-qa3.yaml, of 42): 29 on its first run, 38 after claims-13v and
#: the places Tal Rifaat and Qusayr (actors-13v.yaml); 40 once the control answer also named the forces
#: based in a place (the army's and Russia's deployments to SDF-held Manbij and Kobani in October 2019,
#: recorded as based_in, which the questions read as the government's return); 41 once claims-13k replaced
#: the year-level SDF-government clashes of 2025 by dated ones (the SDF on 1 April 2025); the one other is in
#: KNOWN_NOT_RIGHT.
FINAL_SCORE_QA3 = 41

#: Right answers of the fifth set (questions-qa5.yaml, of 42, 2017-2025): 41 on its first run, 42 once
#: claims-13x.yaml recorded the army's fight with the Islamic State in Deir ez-Zor city (2014-2017).
FINAL_SCORE_QA5 = 42

#: Right answers of the sixth set (questions-qa6.yaml, of 49, 2013-2025): 45 on its first run, 49 after
#: claims-13y.yaml recorded the government's hold on Latakia city (to 8 December 2024), the division of Qamishli
#: before April 2016, the battle of Qamishli (20-22 April 2016) and the YPG's war with the Islamic State from
#: July 2013.
FINAL_SCORE_QA6 = 49

#: Right answers of the seventh set (questions-qa7.yaml, of 41, 2013-2025): 38 on its first run (missing: Jund
#: al-Aqsa's fight with the government in September 2016, recorded as a one-day episode; HTS in Afrin in October
#: 2022, no control claim; wrong: Turkey's fight with the Syrian army in Operation Claw-Sword, recorded for its
#: first day only); 41 after claims-13q7.yaml (HTS's hold on Afrin, 13-18 October 2022) and two widened claims
#: (b-jund-al-aqsa-fights-assad-2016 to August-October 2016, n2-tsk-strikes-syrian-army-claw-sword-2022 to the
#: operation's 20-28 November 2022).
FINAL_SCORE_QA7 = 41

#: Right answers of the eighth set (questions-qa8.yaml, of 51, 2012-2026): 48 on its first run (missing: the
#: Islamic Front's fight with the government in December 2013, no claim; Syria's leader on 1 March 2025,
#: leadership recorded for the governments only, not the state; wrong: Israel's fight with the Assad government
#: in July 2022, recorded as one-day episodes only); 50 after claims-13q8.yaml (q8c-islamic-front-fights-assad,
#: q8c-assad-leads-syria, q8c-sharaa-leads-syria, and the strike of 22 July 2022 as an episode); the one other
#: is in KNOWN_NOT_RIGHT.
#: 51 once "Whom does X fight?" shows the one-off fights of the 7 days before the date (Israel's strike of
#: 22 July 2022, asked on the 25th; lead, stop 27).
FINAL_SCORE_QA8 = 51

#: Right answers of the ninth set (questions-qa9.yaml, of 45, 2012-2026): 36 on its first run (missing: the
#: leaders Abdul-Ilah al-Bashir, Hashem al-Sheikh, Essam al-Buwaydani, Ali al-Omar and Naim Qassem, no actor or
#: claim; the NFL's alliance with HTS and the SDF's with Damascus in 2019, no allied_with claim; the NFL in the
#: SNA; Israel's hold on Mount Hermon and the buffer zone asked as "What does Israel control?"); 43 after
#: claims-13q9.yaml and actors-13q9.yaml (five successions, with Abu Yahya al-Hamawi and Hassan Soufan to close
#: Ahrar al-Sham's chain 2014-2017 and Abu Jaber's HTS command of January-October 2017, and the two alliances);
#: then 44 once "What does ACTOR control?" listed, apart, the holdings of the bodies that are part of a state
#: (Israel's through the Israel Defense Forces); 43 again once the lead removed the SDF's allied_with claim with
#: Damascus (it broke the sides from October 2019 to 2024); 44 once the members answer listed the groups merged
#: into an actor (the NFL into the SNA); the one other is in KNOWN_NOT_RIGHT.
FINAL_SCORE_QA9 = 44

#: Right answers of the tenth set (questions-qa10.yaml, of 45, 2012-2026): 33 on its first run (missing: no place
#: for Yabroud, Busra al-Sham, Mayadin, Abu Kamal or the town of Quneitra, nor any control of them; the rebels'
#: hold on Maarat al-Numan from October 2012; the government's part of Idlib province from January 2018, so the
#: army was no side of the fighting there in 2019; and five the data does not settle, below); 41 after
#: claims-13q10.yaml and actors-13q10.yaml; 43 once "Who are the members of ACTOR?" listed, under their own
#: heading, the groups that had merged into it (JFS into HTS); the two others are in KNOWN_NOT_RIGHT.
#: 44 at the start of stop 27 (Manbij in December 2024 right since an earlier stop's theatre edits); 45 once the
#: tribes' fight with the SDF (b-akidat-fights-sdf-2023, its end known only to the month, September 2023) was
#: located in Deir ez-Zor province.
FINAL_SCORE_QA10 = 45

#: Right answers of the eleventh set (questions-qa11.yaml, of 49, 2012-2026): 48 on its first run (wrong: "Who is
#: fighting in Ras al-Ain?" on 13 October 2019 named only the SDF, Operation Peace Spring being recorded at the
#: level of the governorates and no Turkish-backed force holding or contesting ground in the town); 49 after
#: claims-13q11.yaml (the rebels' entry into the town on 12 October 2019, the town contested until 20 October).
FINAL_SCORE_QA11 = 49

#: Right answers of the twelfth set (questions-qa12.yaml, of 49, 2012-2026): 45 on its first run (wrong: "Who is
#: fighting in Azaz?" on 15 July 2012 and "Who is fighting in Qusayr?" on 25 May 2013 named only the rebels;
#: missing: Raqqa on 8 January 2014, between the rebels' expulsion of ISIS and its return, and "Whom does the
#: Islamic State fight?" in August 2023 without HTS); 49 after claims-13q12.yaml (the army's contest of and fight
#: in Azaz, 2-21 July 2012, and Qusayr, 19 May - 5 June 2013; Raqqa contested 6-14 January 2014; HTS's campaign
#: against the Islamic State's cells in Idlib from July 2017), with is-controls-raqqa starting 14 January 2014,
#: w13-fsa-controls-azaz-2012 starting 21 July 2012 and s13-hezbollah-fights-fsa-qusayr-2013 located in Qusayr.
FINAL_SCORE_QA12 = 49

#: Right answers of the thirteenth set (questions-qa13.yaml, of 57, 2012-2026): 54 on its first run (missing: "Who
#: is the YPG allied with?" in March 2018, the corpus recording the US tie to the YPG as support only; wrong: "Who
#: is fighting in Daraa al-Balad?" during the 2021 siege and "Who is fighting in Suwayda?" on 15 July 2025, both
#: explainer limitations, see KNOWN_NOT_RIGHT); 55 after claims-13qa13.yaml (q13c-usa-allied-with-ypg, the US-YPG
#: alliance against the Islamic State from October 2014, which also moves Jaysh al-Izza to the FSA's side on
#: 17 February 2016; b-jaysh-al-izza-member-fsa, now critical, got a second source).
#: 56 once a fight located in a town counts there (Israel's strikes in Suwayda, July 2025; lead, this stop).
#: 57 once the army's siege of Daraa al-Balad (n1-saa-besieges-daraa-al-balad-2021) was located in the district.
FINAL_SCORE_QA13 = 57

#: Right answers of the fourteenth set (questions-qa14.yaml, of 41, 2012-2026): 27 on its first run (see the
#: header of the set for the fourteen not right); 38 after claims-13qa14.yaml and actors-13qa14.yaml (Quds Force
#: backing of Asaib Ahl al-Haq from 2006, the contest of Ras al-Ain in November 2012, the Nusra-led hold on
#: Quneitra from August 2014, the Southern Front's fight with the army 2014-2018, the Fatemiyoun in the southern
#: offensive of 2015, the eastern Ghouta infighting of 2016 and Faylaq al-Rahman's fight in 2018, Abu al-Humam
#: al-Shami leading Hurras al-Din, Kataib Hezbollah in the Islamic Resistance in Iraq, the US strikes of 2-3
#: February 2024, the loyalists' contest of Latakia province in March 2025), with the start of
#: quds-force-supports-iraqi-militias-aah moved from 2014 to 2006 and b-loyalists-fight-transitional-gov-2025
#: located on the coast; the three others are in KNOWN_NOT_RIGHT.
#: 41 after the lead's two explainer changes of this stop: an allies answer shows backing apart (Kataib
#: Hezbollah), and a fight located in a town counts there (Kobani 2022, al-Bab 2017).
FINAL_SCORE_QA14 = 41

#: Right answers of the sets written in parallel in stop 27 (each set's header gives its first-run score and
#: what was added; a set's first run is the honest held-out figure, see CORPUS.md section 3).
FINAL_SCORES_STOP27 = {
    # 39 questions, 2013-2015: 28 first run (no place for Tabqa, Nasib or Zabadani; the rebels' war on ISIS in
    # Manbij, Yabroud, Mayadin, Jisr al-Shughur, Palmyra; Turkey's and Russia's fights recorded on their armed
    # forces); 30 with relations listing the fights of a state's forces as its own (lead, stop 27); 38 after
    # claims-13qa15.yaml, actors-13qa15.yaml (three places) and two theatres added to older claims.
    15: 38,
    # 50 questions, 2020 - November 2024: 38 first run; 44 after claims-13qa17.yaml (the NFL in Saraqib in 2020,
    # Turkey's drone war on the SDF from October 2021, Iran's backing of the Islamic Resistance in Iraq from
    # October 2023, the Hamza Division in the SNA) and the two theatres located by the lead; 48 once the explainer
    # shows the one-off fights of the 7 days before the date (three US strikes and Jordan's of 18 December 2023,
    # each asked the day after; lead, stop 27); 49 once helper th2 located the 2022 fighting in Daraa province
    # (Jasim, October 2022).
    17: 49,
    # 45 questions, 2016-2019: 40 first run (JFS's and HTS's lineage, one-day events; rebel Quneitra in July 2018;
    # no Turkish side in Afrin in February 2018, no SDF in Baghuz in February 2019); 43 after claims-13qa16.yaml,
    # actors-13qa16.yaml and four edited claims (a start, three theatres); 45 with relations listing the lineage
    # formed by the date (lead, stop 27).
    16: 45,
    # 40 questions, 30 November 2024 - January 2026: 26 first run (no place for the Tishrin Dam, Sheikh Maqsoud or
    # Tabqa; the government's hold on Mayadin and Abu Kamal without an end; the Deir ez-Zor Military Council in
    # the SDF; the Suwayda National Guard; the government against the Islamic State in December 2025; the
    # fighting of January 2026); 27 with relations listing a state's forces' fights; 40 after claims-13qa18.yaml,
    # actors-13qa18.yaml (places) and four edited claims (two ends, two theatres).
    18: 40,
    # 47 questions, 2012-2024, who holds or fights in 25 towns: 40 first run; 47 after claims-13qa20.yaml (the
    # fights of Azaz 2013, Yabroud 2014, Jisr al-Shughur 2015, Manbij 2016, Mayadin 2017, Afrin 2018, Saraqib 2020
    # located in the towns).
    20: 47,
    # 43 questions, 2013-2025, foreign states: 35 first run; 41 after claims-13qa21.yaml (France's support of the
    # SDF, Iraq's strikes on the Islamic State in Syria 2017-2018, Jordan's strikes on smugglers, US strikes on
    # IRGC sites in 2023 and 2024) and two edited claims (a theatre, a second source); 42 with the one-off fights
    # of the days before the date in the explainer; 43 once relations lists them too (the US strike of 25 February
    # 2021 asked on its local day, lead, stop 28).
    21: 43,
    # 47 questions, 2013-2025 (leaders, designations, backers, coalitions): 44 first run; 45 after
    # claims-13qa19.yaml (the Gulf states' designation of Hezbollah, 2 March 2016; Turkey's reported backing of
    # Jaysh al-Islam, December 2015); 46 with relations listing lineage formed by the date (HTS's founders).
    19: 46,
}

#: Right answers of the sets written in parallel in stop 28, each frozen before its first run (that first run is
#: the held-out figure; the header of each set says what was then added).
FINAL_SCORES_STOP28 = {
    # 46 questions, 2012-2015 (early battles, brigades, the Kurdish north-east): 25 first run (no place for Baba
    # Amr, Derik, Tal Kalakh; no Tawhid Brigade, Suqour al-Sham, Hazm, SRF, Kurdish Front); 46 after claims-13qa24.
    24: 46,
    # 45 questions, 2016-2019: 35 first run (no place for Arbin, al-Hara, Darat Izza; no Tiger Forces or Liwa
    # al-Quds; "Nour al-Din al-Zenki" without "Movement"); 45 after claims-13qa25.yaml and actors-13qa25.yaml.
    25: 45,
    # 44 questions, 2020-2026: 38 first run (no place for al-Sanamayn, Dhiban, Beit Jinn; no holder of Busra al-Sham
    # after 2018; Israel's strikes of 18 July 2025; a US strike asked on its local day); 43 after claims-13qa26.yaml;
    # 44 once relations lists the short fights of the week before the date (lead, stop 28).
    26: 44,
    # 45 questions, 2012-2026, actors (leaders, designations, coalitions, lineage, backers of lesser groups): 25 first
    # run (13 groups, people and states with no record); 45 after claims-13qa27.yaml and actors-13qa27.yaml.
    27: 45,
}

#: Sets measured, not worked on: written and frozen after every change of stop 27 and scored once, they give the
#: held-out figure of the corpus as it stands (first runs). The floor is that first run; the questions not right
#: are listed in each set's header (and by ``python -m tests.corpus.qa``), not in KNOWN_NOT_RIGHT, since nothing
#: was added for them.
MEASURED_SETS = {
    22: 44,  # of 49, 2012-2018: Yabroud 2014 not located, the SRF, Sultan Murad in 2016, Abu Kamal and Quneitra 2017-18
    23: 43,  # of 44, 2019-2026: the US strike of 25 February 2021 asked on its local day (right since stop 28)
    # Stop 28: qa28 and qa29 written and frozen at its start, qa30 after its first merges; all three scored once
    # after every change of the stop (each header lists its misses).
    28: 40,  # of 48, 2012-2018
    29: 34,  # of 45, 2019-2026
    30: 39,  # of 55, 2012-2026
    # Stop 29: qa31 (2012-2018) and qa32 (2019-2026) written and frozen at its start, about a third of their explain
    # questions in the writer's own words (`wording: own`); qa34 (2012-2026) written after the gist reading, every
    # question in the writer's own words, by a writer who read neither the forms nor the explainer's code. All three
    # scored once after every other change of the stop (qa34 before the gist rules its misses then suggested).
    31: 37,  # of 48
    32: 40,  # of 49
    34: 30,  # of 52 (1/52 with the code of the start of the stop)
    # Stop 30: qa35 (2012-2026, half of it asking who held or led something early in a period, the later holder
    # expected absent) and qa36 (2012-2026, every question in the writer's own words, written without reading the
    # forms or the explainer's code), written and frozen at its start, scored once after every other change.
    35: 48,  # of 51 (48 also with the code and data of the start of the stop)
    36: 45,  # of 54 (44 with the code and data of the start of the stop)
    # Stop 31: qa37 (2013-2025, every question in the writer's own words, written without reading the forms or the
    # explainer's code) and qa38 (2013-2025, relations and explain asks, 27 of them expecting a later or earlier
    # holder absent), written and frozen at its start, scored once after every other change.
    37: 34,  # of 51 (31 with the code and data of the start of the stop)
    38: 42,  # of 49 (42 also with the code and data of the start of the stop)
    # Written and frozen later in stop 31, after the rules qa37's misses suggested, by writers who read neither the
    # other sets' asks nor the code: qa39 (every question in the writer's own words) and qa40 (relations and explain,
    # 23 questions expecting a later or earlier holder absent); scored once after every other change of the data.
    39: 38,  # of 56 (34 with the code and data of the start of the stop)
    40: 45,  # of 51 (44 with the code and data of the start of the stop)
    # Written and frozen in the second session of stop 31 (after CI refused its first landing), by writers who read
    # neither the other sets' asks nor the code: qa41 (66, 2012-2026, every question in the writer's own words) and
    # qa42 (46, 2013-2025, relations and explain, 19 expecting a later or earlier holder absent); each scored once,
    # as soon as it was delivered and before any rule or fact its misses suggested.
    41: 49,  # of 66
    42: 41,  # of 46
    # Then qa43 (50, 2013-2025, relations and explain, towns and local battles, 30 expecting an actor absent) and
    # qa44 (54, 2012-2026, every question in the writer's own words), written after qa41 and qa42 were merged and
    # scored once as soon as delivered (after g10 and g11's facts and the readings qa41's misses suggested).
    43: 46,  # of 50
    44: 43,  # of 54
    # Then qa45 (53, 2013-2026, every question in the writer's own words) and qa46 (49, 2013-2025, backers,
    # listings, alliances and leaders, 25 expecting an actor absent), written after qa43 and qa44 were merged and
    # scored once as soon as delivered (after g12's facts and the readings qa43's and qa44's misses suggested).
    45: 42,  # of 53
    46: 42,  # of 49
    # Stop 32: qa47 (51, 2013-2026, every question in the writer's own words, slanted to the weeks around turning
    # points and to who commanded what), written after every earlier set was merged and scored once as soon as
    # delivered (at 305b81b: the code and data of stop 31 and two title passes).
    47: 36,  # of 51
    # and qa48 (49, 2013-2025, relations and explain, towns that changed hands and who was present where, 29
    # expecting an actor absent), written at the same time as qa47 (neither read the other), scored once as soon as
    # delivered (at f8df3e2).
    48: 39,  # of 49
    # Then qa49 (57, 2012-2026, every question in the writer's own words, short and loose, foreign states' roles),
    # written after qa47 and qa48 were merged (and after the readings and g15's facts their misses suggested), scored
    # once as soon as delivered (at 320a634).
    49: 41,  # of 57
    # and qa50 (50, 2013-2025, relations and explain, leaders and successions, memberships, mergers, listings; 33
    # expecting an actor absent), written at the same time as qa49 (neither read the other), scored once as soon as
    # delivered (at 941625c).
    50: 46,  # of 50
    # Then qa51 (59, 2012-2026, every question in the writer's own words, a researcher checking dates and places) and
    # qa52 (52, 2012-2026, relations and explain, foreign states' backing, fights and bases, 18 expecting an actor
    # absent), written at the same time after qa49, qa50, g16 and qa49's readings were merged, scored once as soon as
    # delivered (at ec8c3ab), at the end of the stop: of what their misses suggest only two readings were added.
    51: 40,  # of 59
    52: 44,  # of 52
    # Stop 33: qa53 (53, 2012-2026, every question in the writer's own words, a third about 2024-2026) and qa54 (58,
    # 2012-2026, relations and explain, local actors and places: sieges, tribes, Assyrian, Druze, Palestinian and
    # Iraqi factions, IS cells; 18 expecting an actor absent), written at the same time (neither read the other)
    # while the gap rounds g17 and g18 ran, scored once as soon as delivered (at 877187f, with g17 and g18 merged).
    53: 35,  # of 53
    54: 31,  # of 58
    # Then qa55 (60, 2012-2025, own words, turning points and their aftermath) and qa56 (56, 2012-2026, relations and
    # explain, a fact-checker's dates just before or after a change, 40 expecting an actor absent), written at the
    # same time as the gap rounds g19-g21 (neither read the other), each scored once as soon as delivered: qa55 at
    # 5b3ab11 (with g19 and g20), qa56 at 4178398 (the same data).
    55: 38,  # of 60
    56: 49,  # of 56
    # Last, qa57 (59, 2012-2026, own words, the whole war) and qa58 (61, 2012-2026, relations and explain, outside
    # powers and their local partners, 25 expecting an actor absent), written at the same time after every reading and
    # gap round of the stop but the last (g22 merged before they were scored), scored once at 3dbf2e5.
    57: 47,  # of 59
    58: 46,  # of 61
}

#: Sets of questions in users' own words that the gist reading (queries/explain/gist.py) was then developed on: the
#: score it reached, which it must keep (their misses are data gaps and readings still not understood; see each
#: set's header). qa33: 13/59 with the code of the start of stop 29, 37/59 on its first run (gist reading written
#: before it was delivered), 48/59 after; qa34: 30/52 on its first run (MEASURED_SETS), 43/52 after, 44 after
#: stop 30; qa36: 45/54 on its first run (MEASURED_SETS), 50/54 after the rules its misses suggested. Stop 31's
#: readings raised qa33 to 52, qa34 to 51 and qa36 to 51; qa37: 34/51 on its first run, 46/51 after the rules and
#: facts its misses suggested; qa39: 38/56 on its first run, 46/56 after. In the second session of stop 31 (the
#: readings and facts the misses of qa41-qa46 suggested, and a scorer that credits the body of a yes/no membership
#: question when the answer cites a claim naming it): qa36 53, qa37 48, qa39 52; qa41 49 -> 64/66, qa44 43 -> 50/54,
#: qa45 42 -> 51/53 (first runs in MEASURED_SETS). Stop 32: qa44 51 (the post reading), qa47 36 -> 46/51, qa49
#: 41 -> 45/57, qa51 40 -> 42/59. Stop 33: qa51 45 (g17's and g18's facts, the reading of "Fatemiyoun's Afghan
#: fighters"), qa53 35 -> 40/53 (clauses of time and of an event's toll, attack verbs, "X - which group is he in"),
#: qa55 38 -> 46/60 (g22's ministers; a post of a country typed in lower case, "X's unit", "which group is he
#: from", "what was it called before", "resisting").
WORDING_FLOORS = {33: 52, 34: 51, 36: 53, 37: 48, 39: 52, 41: 64, 44: 51, 45: 51, 47: 46, 49: 45, 51: 45, 53: 40,
                  55: 46}

#: Right answers of the fourth set (questions-qa4.yaml, of 41, 2013-2016): 28 on its first run, 40 after
#: claims-13w (and three bounds corrected in claims-b-control, claims-13n1 and claims-13t); the one other is in
#: KNOWN_NOT_RIGHT.
FINAL_SCORE_QA4 = 40

#: Questions still not right, with the reason (see CORPUS.md section 3, "Held-out questions").
KNOWN_NOT_RIGHT = {
    # The corpus keeps Syria (the state) a member of the Arab League through the 2011-2023 suspension
    # (c-syria-member-of-arab-league) and records the suspension as arab-league opposes assad-government;
    # the question reads "suspended" as "not a member". A modelling choice, left as is.
    "q2023-arab-league-suspended",
    # Under the July 2018 settlement the army raised the flag in Daraa al-Balad but the local fighters
    # stayed (the monitor called the flag-raising symbolic); the corpus records the district as the local
    # fighters' until the 2021 siege (n1-daraa-balad-fighters-control-2018-2021). The question over-read it.
    "q3-2018-daraa-al-balad-government",
    # Fourth set. The question asks for the Nusra Front's `member_of` al-Qaeda; the corpus records the
    # Nusra Front as a branch, `part_of` al-Qaeda (nusra-part-of-al-qaeda, 10 April 2013 - 28 July 2016),
    # which is the vocabulary's relation for an institutional part, `member_of` being for coalitions. The
    # fact is there; the question used the other relation. A modelling choice, left as is.
    "q4-2013-nusra-member-of-al-qaeda",
    # Nineteenth set. Only a December 2015 report (VICE, relaying AP) says Turkey backed Jaysh al-Islam, recorded
    # for that month (q19c-turkey-supports-jaysh-al-islam-2015); January 2016 reports call the group Saudi-backed
    # only. The question, dated 15 January 2016, reads the December report as a standing tie: left as is.
    "q19-2016-jaysh-al-islam-backers",
    # Fifteenth set. The only source read for Hezbollah fighting Jaysh al-Fatah in Idlib is the fall of Ariha
    # on 28 May 2015 (q15c-jaysh-al-fatah-fights-hezbollah-ariha-2015, one day); the question, dated 25 May,
    # reads it into the days before.
    "q15-2015-jaysh-al-fatah-fights",
    # Seventeenth set. "Who fights the Captagon smuggling networks?" on 19 January 2024: Jordan's strikes in Sweida
    # are recorded (q21c-jordan-strikes-smugglers-2023-2024, 18 December 2023 - 18 January 2024, its end the last
    # strike a source reports, exclusive), so the question, asked the day after, falls just outside; the
    # explainer's "short fights of the days before" counts only fights of at most 3 days.
    "q17-2024-captagon-networks-fought-by-jordan",
}


@pytest.fixture(scope="module")
def outcomes():
    return qa.score_all()


@pytest.fixture(scope="module")
def outcomes_qa2():
    return qa.score_all(qa.load_questions(qa.QUESTION_SETS[1]))


def _set(name: str):
    """The frozen set named ``name`` (by name, not position, so sets added in parallel do not shift it)."""
    return next(path for path in qa.QUESTION_SETS if path.name == name)


@functools.cache
def _questions(name: str) -> tuple[dict, ...]:
    """The set ``name`` read once per session: each later set is checked against every earlier one (read-only)."""
    return tuple(qa.load_questions(_set(name)))


@functools.cache
def _outcomes(name: str):
    """The set ``name`` scored once per session, however many tests read it."""
    return qa.score_all(list(_questions(name)))


def test_questions_are_well_formed():
    questions = qa.load_questions()
    assert len(questions) >= 60
    years = {q["date"][:4] for q in questions}
    assert {str(y) for y in range(2012, 2026)} <= years
    for q in questions:
        assert q["ask"][0] in ("relations", "explain"), q["id"]
        assert q["source"].startswith("http"), q["id"]
        assert len(q["quote"].split()) <= 30, q["id"]
        assert set(q["expect"]) <= {"all", "none", "empty"}, q["id"]


def test_score_does_not_fall(outcomes):
    right = sum(o.verdict == "right" for o in outcomes)
    wrong = {o.id: f"{o.verdict}: {o.why}" for o in outcomes if o.verdict != "right"}
    assert right >= FINAL_SCORE, f"{right}/{len(outcomes)} right, below {FINAL_SCORE}: {wrong}"
    assert set(wrong) <= KNOWN_NOT_RIGHT, {k: v for k, v in wrong.items() if k not in KNOWN_NOT_RIGHT}


def test_second_set_is_well_formed_and_new():
    first = {q["id"] for q in qa.load_questions()}
    questions = qa.load_questions(qa.QUESTION_SETS[1])
    assert len(questions) >= 39  # about forty each (qa15 has 39)
    for q in questions:
        assert q["id"].startswith("q2-") and q["id"] not in first, q["id"]
        assert q["ask"][0] in ("relations", "explain"), q["id"]
        assert q["source"].startswith("http"), q["id"]
        assert len(q["quote"].split()) <= 30, q["id"]
        assert set(q["expect"]) <= {"all", "none", "empty"}, q["id"]


def test_second_set_score_does_not_fall(outcomes_qa2):
    right = sum(o.verdict == "right" for o in outcomes_qa2)
    wrong = {o.id: f"{o.verdict}: {o.why}" for o in outcomes_qa2 if o.verdict != "right"}
    assert right >= FINAL_SCORE_QA2, f"{right}/{len(outcomes_qa2)} right, below {FINAL_SCORE_QA2}: {wrong}"
    assert set(wrong) <= KNOWN_NOT_RIGHT, {k: v for k, v in wrong.items() if k not in KNOWN_NOT_RIGHT}


#: The sets written before stop 27, and those written in parallel in it (each checked against the first fourteen).
_FIRST_FOURTEEN = ("questions-qa.yaml", *(f"questions-qa{n}.yaml" for n in range(2, 15)))
_STOP27_SETS = (15, 16, 17, 18, 19, 20, 21)
#: Every set written before stop 28 (its sets use none of their pages).
_BEFORE_STOP28 = (*_FIRST_FOURTEEN, *(f"questions-qa{n}.yaml" for n in range(15, 24)))

#: Every set written before stop 29 (its sets, written in parallel, use none of their pages).
_BEFORE_STOP29 = (*_BEFORE_STOP28, *(f"questions-qa{n}.yaml" for n in range(24, 31)))

#: Every set written before stop 30.
_BEFORE_STOP30 = (*_BEFORE_STOP29, *(f"questions-qa{n}.yaml" for n in range(31, 35)))

#: Every set written before stop 31.
_BEFORE_STOP31 = (*_BEFORE_STOP30, "questions-qa35.yaml", "questions-qa36.yaml")
#: Every set written before qa39 and qa40 (written after qa37 and qa38 were merged).
_BEFORE_QA39 = (*_BEFORE_STOP31, "questions-qa37.yaml", "questions-qa38.yaml")
#: Every set written before qa41 and qa42 (the second session of stop 31).
_BEFORE_QA41 = (*_BEFORE_QA39, "questions-qa39.yaml", "questions-qa40.yaml")
#: Every set written before qa43 and qa44.
_BEFORE_QA43 = (*_BEFORE_QA41, "questions-qa41.yaml", "questions-qa42.yaml")
#: Every set written before qa45 and qa46.
_BEFORE_QA45 = (*_BEFORE_QA43, "questions-qa43.yaml", "questions-qa44.yaml")
#: Every set written before qa47 and qa48 (stop 32).
_BEFORE_QA47 = (*_BEFORE_QA45, "questions-qa45.yaml", "questions-qa46.yaml")
#: Every set written before qa49 and qa50 (stop 32).
_BEFORE_QA49 = (*_BEFORE_QA47, "questions-qa47.yaml", "questions-qa48.yaml")
#: Every set written before qa51 and qa52 (stop 32).
_BEFORE_QA51 = (*_BEFORE_QA49, "questions-qa49.yaml", "questions-qa50.yaml")
#: Every set written before qa53 and qa54 (stop 33).
_BEFORE_QA53 = (*_BEFORE_QA51, "questions-qa51.yaml", "questions-qa52.yaml")
#: Every set written before qa55 and qa56 (stop 33).
_BEFORE_QA55 = (*_BEFORE_QA53, "questions-qa53.yaml", "questions-qa54.yaml")
#: Every set written before qa57 and qa58 (stop 33).
_BEFORE_QA57 = (*_BEFORE_QA55, "questions-qa55.yaml", "questions-qa56.yaml")

#: The sets added after the second: (file, id prefix, first and last year, the sets written before it). The
#: fourth and fifth were written at the same time, so neither is checked against the other.
_LATER_SETS = [
    ("questions-qa3.yaml", "q3-", "2013", "2025", ("questions-qa.yaml", "questions-qa2.yaml")),
    ("questions-qa4.yaml", "q4-", "2013", "2016", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml")),
    ("questions-qa5.yaml", "q5-", "2017", "2025", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml")),
    ("questions-qa6.yaml", "q6-", "2013", "2025", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                   "questions-qa4.yaml", "questions-qa5.yaml")),
    ("questions-qa7.yaml", "q7-", "2013", "2025", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                   "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml")),
    ("questions-qa8.yaml", "q8-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                   "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                   "questions-qa7.yaml")),
    ("questions-qa9.yaml", "q9-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                   "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                   "questions-qa7.yaml", "questions-qa8.yaml")),
    ("questions-qa10.yaml", "q10-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                     "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                     "questions-qa7.yaml", "questions-qa8.yaml", "questions-qa9.yaml")),
    ("questions-qa11.yaml", "q11-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                     "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                     "questions-qa7.yaml", "questions-qa8.yaml", "questions-qa9.yaml",
                                                     "questions-qa10.yaml")),
    ("questions-qa12.yaml", "q12-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                     "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                     "questions-qa7.yaml", "questions-qa8.yaml", "questions-qa9.yaml",
                                                     "questions-qa10.yaml", "questions-qa11.yaml")),
    ("questions-qa13.yaml", "q13-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                     "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                     "questions-qa7.yaml", "questions-qa8.yaml", "questions-qa9.yaml",
                                                     "questions-qa10.yaml", "questions-qa11.yaml",
                                                     "questions-qa12.yaml")),
    ("questions-qa14.yaml", "q14-", "2012", "2026", ("questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml",
                                                     "questions-qa4.yaml", "questions-qa5.yaml", "questions-qa6.yaml",
                                                     "questions-qa7.yaml", "questions-qa8.yaml", "questions-qa9.yaml",
                                                     "questions-qa10.yaml", "questions-qa11.yaml",
                                                     "questions-qa12.yaml", "questions-qa13.yaml")),
    # Sets 15 to 21 were written at the same time (stop 27), each before any of the others was merged.
    *[(f"questions-qa{n}.yaml", f"q{n}-", "2012", "2026", _FIRST_FOURTEEN) for n in _STOP27_SETS],
    *[(f"questions-qa{n}.yaml", f"q{n}-", "2012", "2026",
       _FIRST_FOURTEEN if n < 24 else _BEFORE_STOP28 if n < 31 else _BEFORE_STOP29 if n < 35
       else _BEFORE_STOP30 if n < 37 else _BEFORE_STOP31 if n < 39 else _BEFORE_QA39 if n < 41
       else _BEFORE_QA41 if n < 43 else _BEFORE_QA43 if n < 45 else _BEFORE_QA45 if n < 47
       else _BEFORE_QA47 if n < 49 else _BEFORE_QA49 if n < 51 else _BEFORE_QA51 if n < 53
       else _BEFORE_QA53 if n < 55 else _BEFORE_QA55 if n < 57
       else _BEFORE_QA57)
      for n in MEASURED_SETS],
    ("questions-qa33.yaml", "q33-", "2012", "2026", _BEFORE_STOP29),
    *[(f"questions-qa{n}.yaml", f"q{n}-", "2012", "2026", _BEFORE_STOP28) for n in FINAL_SCORES_STOP28],
]


#: frozen questions whose page an earlier set also used: wikimili's "Northern Aleppo clashes (October 2022)" (qa23),
#: two TRT World articles (qa10, qa18) and Wikipedia's "Deir ez-Zor clashes (2023)" (qa23)
_REUSED_PAGE = {"q37-2022-hamza-division-sna", "q37-2022-hts-afrin-enemy", "q39-2021-daraa-balad-besiegers",
                "q39-2023-sdf-foes-deir-ez-zor", "q39-2023-akidat-sheikh", "q39-2024-tal-rifaat-holder"}


@pytest.mark.parametrize("name, prefix, first, last, before", _LATER_SETS, ids=[s[0] for s in _LATER_SETS])
def test_later_set_is_well_formed_and_new(name, prefix, first, last, before):
    earlier = {q["id"] for path in before for q in _questions(path)}
    earlier_sources = {q["source"] for path in before for q in _questions(path)}
    questions = _questions(name)
    assert len(questions) >= 39  # about forty each (qa15 has 39)
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert q["id"].startswith(prefix) and q["id"] not in earlier, q["id"]
        # written from pages the other sets did not use (six frozen questions of stop 31 reuse a page of an earlier
        # set, missed by their writers' checks; the sets are frozen, so they are kept and named here)
        assert q["source"] not in earlier_sources or q["id"] in _REUSED_PAGE, q["id"]
        assert first <= q["date"][:4] <= last, q["id"]
        assert q["ask"][0] in ("relations", "explain"), q["id"]
        assert q["source"].startswith("http"), q["id"]
        assert len(q["quote"].split()) <= 30, q["id"]
        assert set(q["expect"]) <= {"all", "none", "empty"}, q["id"]


@pytest.mark.parametrize("name, final", [("questions-qa3.yaml", FINAL_SCORE_QA3),
                                         ("questions-qa4.yaml", FINAL_SCORE_QA4),
                                         ("questions-qa5.yaml", FINAL_SCORE_QA5),
                                         ("questions-qa6.yaml", FINAL_SCORE_QA6),
                                         ("questions-qa7.yaml", FINAL_SCORE_QA7),
                                         ("questions-qa8.yaml", FINAL_SCORE_QA8),
                                         ("questions-qa9.yaml", FINAL_SCORE_QA9),
                                         ("questions-qa10.yaml", FINAL_SCORE_QA10),
                                         ("questions-qa11.yaml", FINAL_SCORE_QA11),
                                         ("questions-qa12.yaml", FINAL_SCORE_QA12),
                                         ("questions-qa13.yaml", FINAL_SCORE_QA13),
                                         ("questions-qa14.yaml", FINAL_SCORE_QA14),
                                         *((f"questions-qa{n}.yaml", FINAL_SCORES_STOP27[n]) for n in _STOP27_SETS),
                                         *((f"questions-qa{n}.yaml", f) for n, f in FINAL_SCORES_STOP28.items())])
def test_later_set_score_does_not_fall(name, final):
    outcomes = _outcomes(name)
    right = sum(o.verdict == "right" for o in outcomes)
    wrong = {o.id: f"{o.verdict}: {o.why}" for o in outcomes if o.verdict != "right"}
    assert right >= final, f"{right}/{len(outcomes)} right, below {final}: {wrong}"
    assert set(wrong) <= KNOWN_NOT_RIGHT, {k: v for k, v in wrong.items() if k not in KNOWN_NOT_RIGHT}


@pytest.mark.parametrize("number", sorted(MEASURED_SETS))
def test_measured_set_score_does_not_fall_below_its_first_run(number):
    outcomes = _outcomes(f"questions-qa{number}.yaml")
    right = sum(o.verdict == "right" for o in outcomes)
    assert right >= MEASURED_SETS[number], [(o.id, o.verdict, o.why) for o in outcomes if o.verdict != "right"]


@pytest.mark.parametrize("number", sorted(WORDING_FLOORS))
def test_wording_set_score_does_not_fall(number):
    outcomes = _outcomes(f"questions-qa{number}.yaml")
    right = sum(o.verdict == "right" for o in outcomes)
    assert right >= WORDING_FLOORS[number], [(o.id, o.verdict, o.why) for o in outcomes if o.verdict != "right"]


def test_the_runner_scores_every_set_by_default():
    names = [path.name for path in qa.QUESTION_SETS]
    assert names == ["questions-qa.yaml", "questions-qa2.yaml", "questions-qa3.yaml", "questions-qa4.yaml",
                     "questions-qa5.yaml", "questions-qa6.yaml", "questions-qa7.yaml",
                     "questions-qa8.yaml", "questions-qa9.yaml", "questions-qa10.yaml", "questions-qa11.yaml",
                     "questions-qa12.yaml", "questions-qa13.yaml", "questions-qa14.yaml",
                     *(f"questions-qa{n}.yaml" for n in range(15, 59))]
    assert all(path.is_file() for path in qa.QUESTION_SETS)


def test_unparsable_question_is_missing_not_a_crash():
    q = {"id": "t", "date": "2015-10-15", "ask": ["explain", "Whom does Russia xyzzy?"], "expect": {"all": ["x"]}}
    out = qa.score(q)
    assert out.verdict == "missing"
    assert "command failed" in out.why


def _verdict(monkeypatch, expect, named, anything=None):
    monkeypatch.setattr(qa, "answer_ids", lambda q: (named, bool(named) if anything is None else anything))
    return qa.score({"id": "x", "date": "2016", "ask": ["relations"], "expect": expect}).verdict


def test_scorer_right_needs_every_group_and_no_excluded(monkeypatch):
    expect = {"all": [["assad-government", "syrian-arab-army"], ["fsa"]], "none": ["islamic-state"]}
    assert _verdict(monkeypatch, expect, ["syrian-arab-army", "fsa"]) == "right"
    assert _verdict(monkeypatch, expect, ["syrian-arab-army"]) == "wrong"  # one side lacking
    assert _verdict(monkeypatch, expect, ["fsa", "assad-government", "islamic-state"]) == "wrong"  # stale
    assert _verdict(monkeypatch, expect, ["hts"]) == "missing"
    assert _verdict(monkeypatch, expect, []) == "missing"
    assert _verdict(monkeypatch, {"none": ["usa"]}, ["russia"]) == "right"
    assert _verdict(monkeypatch, {"none": ["usa"]}, ["usa"]) == "wrong"
    assert _verdict(monkeypatch, {"empty": True}, [], anything=False) == "right"
    assert _verdict(monkeypatch, {"empty": True}, [], anything=True) == "wrong"


def test_explain_answers_leave_out_recent_changes():
    # Raqqa on 1 November 2017: the Islamic State lost it on 17 October, so it appears only in the
    # "recent changes" section, which is context, not the answer.
    q = {"id": "t", "date": "2017-11-01", "ask": ["explain", "Who controls Raqqa?"], "expect": {}}
    named, _ = qa.answer_ids(q)
    assert "sdf" in named
    assert "islamic-state" not in named


def test_a_yes_no_membership_answer_credits_the_body_only_when_recorded():
    # "is the YPG part of the SDF" in 2017: the SDF is what the answer confirms (a claim it cites names it); the
    # YPG, what the question is about, is not part of the answer; in 2014, before the SDF, nothing confirms it
    q = {"id": "t", "date": "2017-05-20", "ask": ["explain", "is the YPG part of the SDF"], "expect": {}}
    named, _ = qa.answer_ids(q)
    assert "sdf" in named and "ypg" not in named
    earlier, _ = qa.answer_ids({**q, "date": "2014-05-20"})
    assert "sdf" not in earlier
