import csv
import io

import openpyxl
import pytest

from actionagenda.consultations import exports, services
from actionagenda.consultations.models import ParticipantProfile
from actionagenda.consultations.stats import consultation_statistics
from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion(question, participant, moderator):
    """Kenya (organisation) twice, France (individual, hidden profile) once, one hidden reply from Brazil."""
    first = services.post_reply(user=participant, question=question, body="Kenyan view with é accents")
    services.post_reply(user=participant, question=question, body="=1+1 is not a formula", parent=first)
    french = UserFactory(name="Claire")
    ParticipantProfile.objects.create(user=french, actor_type="individual", country="FR", show_on_posts=False)
    services.post_reply(user=french, question=question.theme.questions.get(number=2), body="Vue française")
    brazilian = UserFactory()
    ParticipantProfile.objects.create(user=brazilian, actor_type="business", country="BR")
    hidden = services.post_reply(user=brazilian, question=question, body="Advertisement")
    services.moderate(user=moderator, reply=hidden, action="hide")
    return question.theme.group.consultation


def test_statistics_count_visible_posts_participants_countries_regions_and_actor_types(discussion):
    stats = consultation_statistics(discussion)
    assert (stats["posts"], stats["participants"], stats["countries"]) == (3, 2, 2)
    assert [(code, n) for code, _label, n in stats["by_country"]] == [("KE", 1), ("FR", 1)]
    assert sorted((str(label), n) for _code, label, n in stats["by_region"]) == [("Africa", 1), ("Europe", 1)]
    assert sorted(code for code, _label, _n in stats["by_actor_type"]) == ["individual", "organization"]
    [theme] = stats["per_theme"]
    assert (theme.posts, theme.participants) == (3, 2)


def test_the_csv_export_has_every_visible_contribution_with_its_thread_and_no_formula(discussion):
    rows = list(csv.reader(io.StringIO(exports.as_csv(discussion).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Group", "Theme", "Question"]
    bodies = [row[-1] for row in rows[1:]]
    assert bodies == ["Kenyan view with é accents", "'=1+1 is not a formula", "Vue française"]
    assert rows[2][4] == rows[1][3]  # "in reply to" the first reply
    assert rows[1][6:8] == ["Organisation", "Kenya"]
    assert rows[3][6:8] == ["", ""]  # Claire chose not to show them
    assert rows[0][9] == "Language" and [row[9] for row in rows[1:]] == ["en", "en", "en"]


def test_the_xlsx_export_has_one_sheet_per_theme_and_keeps_formulas_as_text(discussion):
    workbook = openpyxl.load_workbook(io.BytesIO(exports.as_xlsx(discussion)))
    assert workbook.sheetnames == ["1.1 Capacity for risk assessmen"]
    sheet = workbook.active
    assert sheet.max_row == 4
    assert sheet.cell(row=3, column=11).value == "=1+1 is not a formula"
    assert sheet.cell(row=3, column=11).data_type == "s"


def test_the_markdown_export_is_grouped_by_theme_and_question(discussion):
    text = exports.as_markdown(discussion)
    assert text.startswith("# Biosafety dialogues")
    assert "## Risk assessment and risk management: Capacity for risk assessment" in text
    assert "### 2. How can non-state actors contribute?" in text
    assert "Pat Participant (Organisation, Kenya)" in text
    assert "Claire, " in text
    assert "Advertisement" not in text
