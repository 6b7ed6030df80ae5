"""Names the gate finds by where they stand in a sentence, and text it leaves alone
(issue 14, from the dev halves of the tenth and eleventh held-out sets and
red-team round 14's open cases). Every sentence here was written for this file,
none taken from a set.

Each identifying sentence is read by the whole gate, as ANO001 reads a brief of
the example, and must give a hit covering the name; each clean one must give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.loading import load
from checks.rules.ano001_identifying_detail import spans

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    return load(REPO)


def _found(kb, text: str) -> list[str]:
    (hits,) = spans([text], kb)
    return [text[s:e] for _, s, e in hits]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A given name as a clause's subject, whatever verb follows it.
        ("Her teacher noticed that Orla flinched when the door banged.", "Orla"),
        ("After the strategy meeting, Mason slept on the sofa at his aunt's.", "Mason"),
        ("The family support worker saw that Storm limped on the stairs.", "Storm"),
        # A person known to a service.
        ("The youth offending team had known Tyson since he was twelve.", "Tyson"),
        # A word in no list opening a sentence typed in lower case.
        ("dovydas was collected late from nursery on most days.", "dovydas"),
        # A word before a surname that is no English word.
        ("The duty worker rang Marigold Pennefather about the rent arrears.", "Pennefather"),
        # A code after a name is no word of a title-cased name.
        ("The nurse saw Zebedee Quartermaine CR40213 at the walk-in centre.", "Quartermaine"),
        # A surname in capitals, a comma, a given name, as case records write them.
        ("The court list showed OKONKWO-BRAY, Delphine for the hearing.", "OKONKWO-BRAY"),
        ("### THISTLEWAITE, Bram", "THISTLEWAITE"),
        # Case records' other ways of writing a person (red-team round 17).
        ("The referral named AL-HAKIMI, Zaid as the child at risk.", "AL-HAKIMI"),
        ("The chronology lists ADEBAYO Tolu as the older sibling.", "ADEBAYO"),
        ("Records show NWOSU, adaeze attended the clinic twice.", "NWOSU"),
        ("| WISNIEWSKI, Bor | pupil |", "WISNIEWSKI"),
        ("The list read OLATUNJI; Kehinde and two others.", "OLATUNJI"),
        ("Present: Dayo ADEYEMO (child) and the school nurse.", "ADEYEMO"),
        ("Letters went to K. OKAFOR about the plan.", "OKAFOR"),
        ("The recommendation for O'DRISCOLL, Caoimhin was agreed.", "O'DRISCOLL"),
        ("The typed note said okeke, chiamaka came in late.", "okeke"),
        ("### FLETCHER, June", "FLETCHER"),
        # A given name and a word the model read as a person.
        ("The panel met with Aurora Pennywhistle and her grandmother.", "Aurora Pennywhistle"),
        # A small word run into a listed given name, in a line in capitals.
        ("THE SCHOOL SPOKE WITHSIOBHAN MCGRATH ABOUT THE ABSENCES.", "SIOBHAN MCGRATH"),
        # Records wrapped over a line, spaced thinly, or typed in small letters
        # with an apostrophe (red-team round 18).
        ("The chronology named PENHALIGON-TREVETHAN,\nBryok as the youngest.", "PENHALIGON"),
        ("The record shows DOS SANTOS,\u202fIlidio at the clinic.", "SANTOS"),
        ("Check on d'cunha, anvita weekly.", "d'cunha"),
        # An age beside a word; someone invited to a meeting.
        ("- Tumble, aged 3", "Tumble"),
        ("The panel invited Thistledown to the planning meeting.", "Thistledown"),
        # A case's code between a name and what says it is one.
        ("- Tumble CR40213, aged 3, at nursery", "Tumble"),
        # An account name is still one where "account" means a login.
        ("She set up an account called grimeboy_07 to message him.", "grimeboy_07"),
        # A column of names in a table, a word alone with an age, a relative
        # after a code (red-team round 18).
        ("| Child | Age |\n|---|---|\n| Marram | 3 |\n", "Marram"),
        ("### Nutmeg, 4\n\nSeen at nursery.", "Nutmeg"),
        ("Conker's CR40213 grandad collected her from nursery.", "Conker"),
        # A record's surname and given name joined by an underscore.
        ("``` TREMAYNE_Casimir_CR40213\nnotes\n```", "TREMAYNE_Casimir"),
        # A weekday and a day of the month.
        ("It was reported on Tuesday the 21st, a week later.", "Tuesday the 21st"),
        # A given name beside a relative, inside a sentence.
        ("Family support worker for Merry Lane and her brother", "Merry Lane"),
        # A title and a surname that is also a word for a person.
        ("Mr Young had not been told of the earlier referrals.", "Mr Young"),
        # Someone named by what they were called.
        ("The boys said an older lad called Moth sold them vapes.", "Moth"),
        ("The girl would only say that 'Viper' took the money.", "Viper"),
        # A word in no list where only a person stands, whatever the model read.
        ("The nurse reported that Ashenafi was crying whenever the bath was run.", "Ashenafi"),
        # A word named by a relative: "Rook's father".
        ("Nobody had asked about Rook's father, who visited most weekends.", "Rook"),
        # A word spoken to or met, however the model labelled it.
        ("The duty worker ended the call without speaking directly to Mallow.", "Mallow"),
        # A word whose age is given after it.
        ("Bramble was two when the first referral came from the health visitor.", "Bramble"),
        # A word in no list typed in lower case as a clause's subject.
        ("The panel heard that wenjun had been left with a neighbour overnight.", "wenjun"),
        # Someone encouraged to do something themselves.
        ("Her key worker encouraged Cobalt to write down what had happened.", "Cobalt"),
        # A country's name that is a child's name too, where only a person stands.
        ("Jordan, aged 3, was often hungry at nursery.", "Jordan"),
        ("The social worker invited Georgia to share her views at the meeting.", "Georgia"),
        ("| Child | Age |\n|---|---|\n| Jordan | 4 |\n", "Jordan"),
        # Someone checked on or looked after, whatever the word.
        ("The health visitor agreed to check on Breeze weekly until the review.", "Breeze"),
        ("Staff checked on Tansy every hour that night.", "Tansy"),
        # A word where only a person stands (checks/anonymise/standing.py).
        ("She told the nurse that her brother Pebble had hit her.", "Pebble"),
        ("Thimble is my big sister, the girl told her teacher.", "Thimble"),
        ("Nobody asked why Crouton's attendance had dropped.", "Crouton"),
        ("the school held walnut's old address on file.", "walnut"),
        ("The family support worker visited Meadowsweet at home twice.", "Meadowsweet"),
        ("The youth worker rang Pickle after school on Fridays.", "Pickle"),
        ("her grandad picked up acorn from nursery on Mondays.", "acorn"),
        ("Lupin did not attend school for most of the spring term.", "Lupin"),
        ("'Leave me alone,' Barnacle shouted at the officer.", "Barnacle"),
        ("what dormouse told the school nurse was never recorded.", "dormouse"),
        ("PUFFIN SAID THAT NOBODY MADE TEA.", "PUFFIN"),
        ("Pippin, Quince and Damson were all seen at the nursery.", "Damson"),
        # A column of people in a table, whatever its header says and however
        # the cell is written.
        ("| First name | Age |\n|---|---|\n| [Marram](#a) | 6 |\n", "Marram"),
        ("| Child's name | School |\n|---|---|\n| *Gorse* | Year 2 |\n", "Gorse"),
        ("| Child | Age |\n|---|---|\n| yarrow | 5 |\n", "yarrow"),
        (
            "<table><tr><th>Child</th><th>Age</th></tr><tr><td>Sedge</td><td>2</td></tr></table>",
            "Sedge",
        ),
    ],
)
def test_a_name_standing_where_a_person_does_is_found(kb, text, name):
    assert any(name in f for f in _found(kb, text)), _found(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Practitioners completed the Neglect Toolkit with every family on the list.",
        "Reflecting on Star Hobson's case, the panel looked again at referrals from relatives.",
        "The death of Khyra Ishaq in Birmingham raised questions about elective home education.",
        "The Lundy model asks whether children had space, voice, audience and influence.",
        "Sir Martyn Oliver, His Majesty's Chief Inspector, spoke about children missing education.",
        "IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM, as the licence says.",
        "In the spring, Early Help took on the cases the duty team could not hold.",
        "NOTE, Please read the chronology before the panel meets.",
        "Referrals went to CAMHS, Early Help and the school nurse.",
        "WARNING, Children may find the next section distressing.",
        "The Trust's mother and baby unit took referrals from across the county.",
        "Kestrelford's mother and baby unit closed in the spring.",
        "Attendance was ten per cent lower in the spring term.",
        "Child B was four when the family moved into the area.",
        "The board asked Ofsted to look again at the inspection findings.",
        "The partnership invited Education to lead the next audit.",
        "The chair encouraged Members to read the briefing before the meeting.",
        "Contact the MASH Team or the NSPCC Helpline.",
        "KESTRELFORD, Safeguarding Children Partnership",
        "The Early HELP offer was reviewed.",
        "A. SUMMARY of findings",
        "The OFSTED Report was published in June.",
        "The CHURCH, Sunday services were busy.",
        "Set MAX_Value to 3 in the settings file.",
        "| Child | Age |\n|---|---|\n| Child A | 3 |\n| Sibling 2 | 5 |\n",
        "| Agency | Actions |\n|---|---|\n| Police | 3 |\n",
        "### Step, 2\n\nShare the plan.",
        "Practitioners heard the adults' account. The child KS2-04 was in Year 3.",
        "THE NURSE SAW THE CHILD AT HOME ON FRIDAY.",
        "Pupils, aged 11, were asked about online safety.",
        "| Name | Cases |\n|---|---|\n| France | 4 |\n",
        "The manager will check on Tuesday whether the referral was sent.",
        "Practitioners should check on Teams for the latest version.",
        "Police said the car had been reported stolen.",
        "Practitioners told the review that they felt stretched.",
        "Her mother told the nurse that nobody said anything.",
        "The Trust's address is on the referral form.",
        "Today's story is about listening to children.",
        "The social worker visited the family at home each week.",
        "what staff told the review was consistent.",
        "THE NURSE SAID THE BABY WAS WELL.",
        "| Agency name | Actions |\n|---|---|\n| Police | 3 |\n| Education | 2 |\n",
        "| Name of tool | Used for |\n|---|---|\n| Graded Care | neglect |\n",
        "| Who | When |\n|---|---|\n| Mum | mornings |\n| School nurse | Fridays |\n",
        "| Step | Who |\n|---|---|\n| Home visit | Duty worker |\n| Strategy | Panel |\n",
        "- Timescale: 6 months\n- Quorum: 3\n- Version: 2\n",
        "### Step, 2 weeks\n\nShare the plan.",
        "Reception (age 4) is when most children start school.",
        "Follow the COVID-Secure guidance and the NHS-Funded offer.",
        "The mother's account was that she left at 10am and came back by 2pm.",
        "The child's account of the 4x4 and the scooter was consistent.",
        "Her account of events was given to PC 4471 at 3am.",
        "| EARLY HELP | 3 |\n| KESTRELFORD COUNCIL | 2 |\n",
        "The chair invited Health to the planning meeting.",
        "The 9th recommendation was agreed by the panel.",
        "The review spoke to Early Help and their partners.",
        "Health Visitors and their managers attended the briefing.",
        "WORKING TOGETHER TO SAFEGUARD CHILDREN SETS OUT WHAT AGENCIES MUST DO.",
        "The letter was addressed to Dr Child Protection Lead.",
        "A young person called the police from a phone box.",
        "Leaders from Faith Communities joined the panel.",
        "The partnership worked with Summer Holiday clubs.",
        "Practitioners named covid, lockdown and zoom as reasons visits were missed.",
        "The panel noted that lockdown had reduced face-to-face visits.",
    ],
)
def test_practice_text_is_left_alone(kb, text):
    assert _found(kb, text) == []
