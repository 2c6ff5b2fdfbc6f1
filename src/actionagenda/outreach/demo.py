"""Demo outreach content in English, French and Spanish: news items, a story profiling the demo's most committed
organisation with its quotes, standalone quotes for the landing page, tags, featured commitments, and the FAQ's
categories with a few entries beside the assistant's shipped ones; one newsletter issue in the archive, recorded as
sent to three invented subscribers (no e-mail goes out).

The story names whichever organisation the commitments demo made (that demo changes on its own): its name and
country are filled into the text. The people quoted are fictional.
"""

import datetime
import io
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import override

from actionagenda.accounts.models import Actor
from actionagenda.assistant import services as assistant
from actionagenda.assistant.models import GuidanceDocument
from actionagenda.commitments.models import Commitment

from . import newsletter_content
from .models import (
    Delivery,
    FAQCategory,
    FeaturedCommitment,
    NewsItem,
    Newsletter,
    Quote,
    Subscriber,
    Tag,
    new_subscriber_token,
)
from .newsletter import CONSENT_TEXT

TAGS = {
    "platform": ("Platform news", "Actualités de la plateforme", "Noticias de la plataforma"),
    "capacity-building": ("Capacity building", "Renforcement des capacités", "Creación de capacidad"),
    "public-awareness": ("Public awareness", "Sensibilisation du public", "Sensibilización pública"),
    "progress": ("Progress", "Avancement", "Avances"),
}

CATEGORIES = {  # slug: names, the shipped FAQ entries filed under it
    "making": (("Making a commitment", "Prendre un engagement", "Asumir un compromiso"),
               ["FAQ_WHO_CAN_COMMIT", "FAQ_SMART"]),
    "publication": (("Publication and moderation", "Publication et modération", "Publicación y moderación"),
                    ["FAQ_MODERATION"]),
    "progress": (("Progress and reporting", "Avancement et rapports", "Avances e informes"), ["FAQ_PROGRESS"]),
    "data": (("Open data and sharing", "Données ouvertes et partage", "Datos abiertos y difusión"),
             ["FAQ_OPEN_DATA"]),
}
HIGHLIGHTED = ["FAQ_WHO_CAN_COMMIT", "FAQ_SMART", "FAQ_PROGRESS", "FAQ_SHOW_ON_WEBSITE"]

# New entries: key, category, (question, answer) per language.
FAQ = [
    ("FAQ_CHANGE_PUBLISHED", "publication", {
        "en": ("Can I change a commitment after it is published?",
               "Yes. Open it from **My commitments** and choose *Amend*: the published version stays online while "
               "the secretariat reviews your changes, and the page keeps a history of what changed."),
        "fr": ("Puis-je modifier un engagement après sa publication ?",
               "Oui. Ouvrez-le depuis **Mes engagements** et choisissez *Modifier* : la version publiée reste en "
               "ligne pendant que le secrétariat examine vos changements, et la page en garde l'historique."),
        "es": ("¿Puedo cambiar un compromiso después de publicarlo?",
               "Sí. Ábralo desde **Mis compromisos** y elija *Enmendar*: la versión publicada sigue en línea "
               "mientras la secretaría revisa los cambios, y la página guarda su historial."),
    }),
    ("FAQ_NAME_SHOWN", "making", {
        "en": ("Will my name be shown with my commitment?",
               "An individual chooses the name shown with their commitments, or to stay anonymous. A public "
               "profile page listing your commitments exists only if you tick it on your account's profile page; "
               "your e-mail address is never shown."),
        "fr": ("Mon nom sera-t-il affiché avec mon engagement ?",
               "Une personne choisit le nom affiché avec ses engagements, ou de rester anonyme. Une page de profil "
               "publique qui les rassemble n'existe que si vous la cochez sur la page de profil de votre compte ; "
               "votre adresse électronique n'est jamais affichée."),
        "es": ("¿Se mostrará mi nombre con mi compromiso?",
               "Cada persona elige el nombre que acompaña a sus compromisos, o permanecer en el anonimato. Solo "
               "existe una página de perfil pública si la marca en la página de perfil de su cuenta; su dirección "
               "de correo electrónico nunca se muestra."),
    }),
    ("FAQ_SHOW_ON_WEBSITE", "data", {
        "en": ("How can I show our commitments on our own website?",
               "Use the embed builder (*Show commitments on your website*, at the foot of every page): choose a "
               "country, a target or one commitment and copy the snippet. It loads one small script from this "
               "platform and nothing else."),
        "fr": ("Comment afficher nos engagements sur notre propre site ?",
               "Utilisez le générateur d'intégration (*Afficher les engagements sur votre site*, en bas de chaque "
               "page) : choisissez un pays, une cible ou un engagement et copiez l'extrait. Il ne charge qu'un "
               "petit script de cette plateforme."),
        "es": ("¿Cómo puedo mostrar nuestros compromisos en nuestro sitio web?",
               "Use el generador de inserción (*Mostrar compromisos en su sitio web*, al pie de cada página): elija "
               "un país, una meta o un compromiso y copie el fragmento. Solo carga un pequeño script de esta "
               "plataforma."),
    }),
]

NEWS = [  # slug, kind, tags, days ago (negative: scheduled), status, {language: (title, summary, body)}
    ("platform-open-in-three-languages", "news", ["platform"], 24, "published", {
        "en": ("The biosafety commitments platform opens in three languages",
               "Individuals, organisations, businesses and local governments can now make measurable biosafety "
               "commitments in English, French and Spanish.",
               "The platform gathers voluntary commitments by non-state actors for **Target 17** of the "
               "Kunming-Montreal Global Biodiversity Framework and the Implementation Plan of the Cartagena "
               "Protocol.\n\nEach commitment names its indicators, a baseline and a target, so that progress can "
               "be followed to 2030. Four forms fit the four kinds of actor, and a live check helps make each "
               "commitment specific, measurable and time-bound.\n\n- Explore published commitments by country, "
               "target and actor type.\n- Download the open data, or show commitments on your own website.\n- Ask "
               "the guidance assistant about the key biosafety documents."),
        "fr": ("La plateforme des engagements en biosécurité ouvre en trois langues",
               "Particuliers, organisations, entreprises et collectivités locales peuvent désormais prendre des "
               "engagements mesurables en biosécurité en anglais, en français et en espagnol.",
               "La plateforme rassemble les engagements volontaires des acteurs non étatiques pour la **cible 17** "
               "du Cadre mondial de la biodiversité de Kunming-Montréal et le Plan de mise en œuvre du Protocole "
               "de Cartagena.\n\nChaque engagement nomme ses indicateurs, une valeur de départ et une cible, pour "
               "suivre les progrès jusqu'en 2030. Quatre formulaires correspondent aux quatre types d'acteurs, et "
               "une vérification en direct aide à rendre chaque engagement précis, mesurable et daté.\n\n- "
               "Explorez les engagements publiés par pays, cible et type d'acteur.\n- Téléchargez les données "
               "ouvertes ou affichez les engagements sur votre site.\n- Interrogez l'assistant sur les documents "
               "clés de la biosécurité."),
        "es": ("La plataforma de compromisos de bioseguridad abre en tres idiomas",
               "Personas, organizaciones, empresas y gobiernos locales ya pueden asumir compromisos medibles de "
               "bioseguridad en español, francés e inglés.",
               "La plataforma reúne los compromisos voluntarios de actores no estatales para la **meta 17** del "
               "Marco Mundial de Biodiversidad de Kunming-Montreal y el Plan de Aplicación del Protocolo de "
               "Cartagena.\n\nCada compromiso indica sus indicadores, un valor de referencia y una meta, para "
               "seguir los avances hasta 2030. Cuatro formularios corresponden a los cuatro tipos de actor, y una "
               "comprobación en vivo ayuda a que cada compromiso sea específico, medible y con plazo.\n\n- Explore "
               "los compromisos publicados por país, meta y tipo de actor.\n- Descargue los datos abiertos o "
               "muestre los compromisos en su sitio web.\n- Consulte al asistente sobre los documentos clave de "
               "bioseguridad."),
    }),
    ("five-tips-smart-commitment", "news", ["capacity-building"], 12, "published", {
        "en": ("Five tips for a SMART biosafety commitment",
               "What makes a commitment easy to follow: one clear action, an indicator with a baseline, a target "
               "date and a link to the Implementation Plan.",
               "1. **Name one action** you control, such as training laboratory analysts.\n2. **Choose an "
               "indicator** you can count, for example analysts certified.\n3. **Give a baseline** and its date, "
               "even when it is zero.\n4. **Set a target and a date**, with interim targets for long "
               "commitments.\n5. **Link it** to the GBF targets and Implementation Plan elements it serves.\n\nThe "
               "commitment form checks each point as you type."),
        "fr": ("Cinq conseils pour un engagement SMART en biosécurité",
               "Ce qui rend un engagement facile à suivre : une action claire, un indicateur avec une valeur de "
               "départ, une date cible et un lien avec le Plan de mise en œuvre.",
               "1. **Nommez une action** que vous maîtrisez, comme former des analystes de laboratoire.\n2. "
               "**Choisissez un indicateur** que vous pouvez compter, par exemple les analystes certifiés.\n3. "
               "**Donnez une valeur de départ** et sa date, même nulle.\n4. **Fixez une cible et une date**, avec "
               "des cibles intermédiaires pour les engagements longs.\n5. **Reliez-le** aux cibles du Cadre "
               "mondial et aux éléments du Plan de mise en œuvre.\n\nLe formulaire vérifie chaque point pendant la "
               "saisie."),
        "es": ("Cinco consejos para un compromiso SMART de bioseguridad",
               "Lo que hace que un compromiso sea fácil de seguir: una acción clara, un indicador con valor de "
               "referencia, una fecha meta y un vínculo con el Plan de Aplicación.",
               "1. **Nombre una acción** que controle, como capacitar a analistas de laboratorio.\n2. **Elija un "
               "indicador** que pueda contar, por ejemplo analistas certificados.\n3. **Indique un valor de "
               "referencia** y su fecha, aunque sea cero.\n4. **Fije una meta y una fecha**, con metas "
               "intermedias para los compromisos largos.\n5. **Vincúlelo** a las metas del Marco Mundial y a los "
               "elementos del Plan de Aplicación.\n\nEl formulario comprueba cada punto mientras escribe."),
    }),
    ("first-progress-reports", "news", ["progress"], 4, "published", {
        "en": ("First progress reports: what the figures say",
               "The first reports filed by committed actors show training and awareness work moving fastest, and "
               "where reports are due.",
               "Actors report against their own indicators: each reading moves the commitment's scorecard and "
               "its charts. Most reports so far cover **capacity building** and **public awareness**.\n\nAuthors "
               "receive a reminder before each report is due. Figures on every commitment page are "
               "self-reported and marked as such."),
        "fr": ("Premiers rapports d'avancement : ce que disent les chiffres",
               "Les premiers rapports des acteurs engagés montrent que la formation et la sensibilisation "
               "avancent le plus vite, et quels rapports sont attendus.",
               "Les acteurs rendent compte selon leurs propres indicateurs : chaque mesure fait évoluer la fiche "
               "de suivi de l'engagement et ses graphiques. La plupart des rapports portent sur le **renforcement "
               "des capacités** et la **sensibilisation du public**.\n\nLes auteurs reçoivent un rappel avant "
               "chaque échéance. Les chiffres de chaque engagement sont déclarés par ses auteurs et signalés "
               "comme tels."),
        "es": ("Primeros informes de avance: lo que dicen las cifras",
               "Los primeros informes de los actores comprometidos muestran que la capacitación y la "
               "sensibilización avanzan más rápido, y qué informes están pendientes.",
               "Los actores informan según sus propios indicadores: cada lectura actualiza la ficha de "
               "seguimiento del compromiso y sus gráficos. La mayoría de los informes tratan de **creación de "
               "capacidad** y **sensibilización pública**.\n\nLos autores reciben un recordatorio antes de cada "
               "plazo. Las cifras de cada compromiso son declaradas por sus autores y se señalan como tales."),
    }),
    ("call-for-stories", "news", ["platform"], -10, "published", {
        "en": ("Call for stories from committed actors",
               "Tell us how your commitment changes biosafety where you work: the secretariat will publish a "
               "selection.",
               "Send a few paragraphs and a photograph with its description to the secretariat."),
    }),
    ("annual-synthesis-draft", "news", ["progress"], 0, "draft", {
        "en": ("Draft: the year in biosafety commitments",
               "A synthesis of the year's commitments and progress, being written by the secretariat.",
               "Figures to be added once the reporting period closes."),
    }),
]

STORY_TEXT = {
    "en": ("{name}: biosafety close to the people it concerns",
           "How {name} ({country}) turns its commitments into trained people, informed communities and "
           "published records.",
           "{name} works where biosafety decisions meet daily life. Its commitments on this platform set out "
           "what it will do, for whom and by when, and it reports progress against its own indicators.\n\n"
           "### Starting from what people ask\n\nCommunity meetings and radio programmes began with the questions "
           "people brought: what a living modified organism is, who decides, and how to take part in public "
           "consultations.\n\n### Measuring what changes\n\nEvery activity has an indicator with a baseline and a "
           "target, so the team can see which approaches reach people and which need rethinking."),
    "fr": ("{name} : la biosécurité au plus près des personnes concernées",
           "Comment {name} ({country}) transforme ses engagements en personnes formées, en "
           "communautés informées et en informations publiées.",
           "{name} agit là où les décisions de biosécurité rencontrent la vie quotidienne. Ses engagements sur "
           "cette plateforme disent ce qu'il fera, pour qui et à quelle échéance, et il rend compte de ses "
           "progrès selon ses propres indicateurs.\n\n### Partir des questions des gens\n\nLes réunions "
           "communautaires et les émissions de radio sont parties des questions posées : ce qu'est un organisme "
           "vivant modifié, qui décide, et comment participer aux consultations publiques.\n\n### Mesurer ce qui "
           "change\n\nChaque activité a un indicateur avec une valeur de départ et une cible, pour voir quelles "
           "approches touchent les gens et lesquelles revoir."),
    "es": ("{name}: la bioseguridad cerca de quienes concierne",
           "Cómo {name} ({country}) convierte sus compromisos en personas capacitadas, comunidades informadas "
           "y registros publicados.",
           "{name} trabaja donde las decisiones de bioseguridad se encuentran con la vida diaria. Sus compromisos "
           "en esta plataforma dicen qué hará, para quién y en qué plazo, e informa de sus avances según sus "
           "propios indicadores.\n\n### Partir de lo que la gente pregunta\n\nLas reuniones comunitarias y los "
           "programas de radio empezaron por las preguntas de la gente: qué es un organismo vivo modificado, "
           "quién decide y cómo participar en las consultas públicas.\n\n### Medir lo que cambia\n\nCada "
           "actividad tiene un indicador con un valor de referencia y una meta, para ver qué enfoques llegan a "
           "la gente y cuáles hay que replantear."),
}
STORY_ALT = {
    "en": "Illustration: green leaf shapes rising over a pale field, the platform's colours.",
    "fr": "Illustration : des formes de feuilles vertes s'élevant sur un fond clair, aux couleurs de la plateforme.",
    "es": "Ilustración: formas de hojas verdes que se elevan sobre un fondo claro, con los colores de la plataforma.",
}

# speaker, role per language, text per language, on the landing page, in the story
QUOTES = [
    ("Amina Sow", ("Programme coordinator", "Coordinatrice de programme", "Coordinadora de programa"),
     ("People do not need to become scientists to take part in biosafety decisions. They need clear answers and "
      "a place where their questions count.",
      "Il n'est pas nécessaire de devenir scientifique pour prendre part aux décisions de biosécurité. Il faut des "
      "réponses claires et un lieu où les questions comptent.",
      "No hace falta ser científico para participar en las decisiones de bioseguridad. Hacen falta respuestas "
      "claras y un lugar donde las preguntas cuenten."), True, True),
    ("Daniel Okoro", ("Laboratory trainer", "Formateur de laboratoire", "Formador de laboratorio"),
     ("Counting the analysts we certify each year keeps us honest about what training really achieves.",
      "Compter chaque année les analystes certifiés nous oblige à regarder ce que la formation accomplit vraiment.",
      "Contar cada año los analistas certificados nos obliga a ver lo que la capacitación logra de verdad."),
     False, True),
    ("Lucía Ramírez", ("Biosafety officer, city environment department",
                       "Responsable de la biosécurité, service de l'environnement de la ville",
                       "Responsable de bioseguridad, departamento de medio ambiente de la ciudad"),
     ("A commitment with a target and a date is one our council can follow, budget and report on.",
      "Un engagement avec une cible et une date, notre conseil peut le suivre, le financer et en rendre compte.",
      "Un compromiso con una meta y una fecha es uno que nuestro concejo puede seguir, financiar e informar."),
     True, False),
    ("Kofi Mensah", ("Seed company quality manager", "Responsable qualité d'une entreprise semencière",
                     "Responsable de calidad de una empresa de semillas"),
     ("Traceability is not paperwork for its own sake: it is how buyers and regulators learn to trust a "
      "shipment.",
      "La traçabilité n'est pas de la paperasse : c'est ce qui permet aux acheteurs et aux autorités de faire "
      "confiance à une cargaison.",
      "La trazabilidad no es papeleo: es lo que permite a compradores y autoridades confiar en un envío."),
     True, False),
]


def illustration() -> bytes:
    """A 1200 × 675 PNG drawn here (the demo fetches nothing): leaf shapes in the site's greens."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 675), "#f2f6f5")
    draw = ImageDraw.Draw(image)
    for index, (x, y, size) in enumerate([(180, 420, 260), (420, 300, 340), (700, 380, 300), (960, 260, 280)]):
        colour = ("#0b6e4f", "#07513a", "#3f8f6b", "#8fbfa8")[index % 4]
        draw.ellipse([x - size // 3, y - size, x + size // 3, y + size // 3], fill=colour)
        draw.line([x, y + size // 3, x, y - size + 40], fill="#f2f6f5", width=6)
    draw.rectangle([0, 600, 1200, 675], fill="#07513a")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _by_commitments(kind: str):
    published = Count("commitments", filter=Q(commitments__status=Commitment.Status.PUBLISHED))
    return Actor.objects.filter(kind=kind).annotate(published=published).filter(published__gt=0).order_by(
        "-published", "pk")


def typeset(language: str, text: str) -> str:
    """French puts a no-break space before : and a narrow one before ; ? ! (written with plain spaces above)."""
    if language != "fr":
        return text
    return re.sub(r" ([;?!])", "\u202f\\1", re.sub(r" :", "\u00a0:", text))


def _translated(prefix: str, texts: dict) -> dict:
    return {f"{prefix}_{language}": typeset(language, text) for language, text in texts.items()}


def _faq() -> int:
    categories = {}
    for position, (slug, (names, keys)) in enumerate(CATEGORIES.items()):
        categories[slug], _ = FAQCategory.objects.get_or_create(
            slug=slug, defaults={"position": position, **_translated("name", dict(zip(("en", "fr", "es"), names,
                                                                                      strict=True)))})
        for order, key in enumerate(keys):
            GuidanceDocument.objects.filter(key=key, faq_category=None).update(faq_category=categories[slug],
                                                                               faq_position=order)
    created = 0
    for key, slug, texts in FAQ:
        if GuidanceDocument.objects.filter(key=key).exists():
            continue
        document = GuidanceDocument(key=key, publisher="SCBD", year=str(timezone.now().year),
                                    faq_category=categories[slug], faq_position=10 + created)
        assistant.write_faq(document, {code: typeset(code, question) for code, (question, _) in texts.items()},
                            {code: typeset(code, answer) for code, (_, answer) in texts.items()})
        created += 1
    GuidanceDocument.objects.filter(key__in=HIGHLIGHTED).update(faq_highlight=True)
    return created


def _story(tags: dict, now) -> NewsItem | None:
    actor = _by_commitments(Actor.Kind.ORGANIZATION).first()
    if actor is None:
        return None
    fields = {}
    for language, (title, summary, body) in STORY_TEXT.items():
        with override(language):
            country = str(actor.country.name) if actor.country else "—"
        values = {"name": actor.name, "country": country}
        fields |= _translated("title", {language: title.format(**values)[:200]}) | _translated(
            "summary", {language: summary.format(**values)}) | _translated("body", {language: body.format(**values)})
        fields |= _translated("image_alt", {language: STORY_ALT[language]})
    story = NewsItem(kind=NewsItem.Kind.STORY, status=NewsItem.Status.PUBLISHED, slug=f"story-actor-{actor.pk}",
                     publish_at=now - datetime.timedelta(days=2), profiled_actor=actor,
                     image_credit="Secretariat", **fields)
    story.image.save("story-illustration.png", ContentFile(illustration()), save=False)
    story.save()
    story.tags.set([tags["public-awareness"], tags["capacity-building"]])
    story.commitments.set(Commitment.objects.published().filter(actor=actor).order_by("-published_at")[:3])
    return story


@transaction.atomic
def generate() -> dict:
    """The demo content (called on a database without news); returns what it made."""
    now = timezone.now()
    tags = {slug: Tag.objects.get_or_create(slug=slug, defaults=_translated("name", dict(
        zip(("en", "fr", "es"), names, strict=True))))[0] for slug, names in TAGS.items()}
    for slug, kind, tag_slugs, days, status, texts in NEWS:
        item = NewsItem.objects.create(
            slug=slug, kind=kind, status=status, publish_at=now - datetime.timedelta(days=days),
            **{f"{name}_{language}": typeset(language, text) for language, values in texts.items()
               for name, text in zip(("title", "summary", "body"), values, strict=True)})
        item.tags.set([tags[tag] for tag in tag_slugs])
    story = _story(tags, now)
    others = [_by_commitments(Actor.Kind.LOCAL_GOVERNMENT).first(), _by_commitments(Actor.Kind.BUSINESS).first()]
    standalone = iter(others)
    for position, (speaker, roles, texts, on_landing, in_story) in enumerate(QUOTES):
        if in_story and story is None:
            continue
        actor = story.profiled_actor if in_story else next(standalone, None)
        Quote.objects.create(speaker=speaker, story=story if in_story else None, actor=actor, on_landing=on_landing,
                             position=position, **_translated("role", dict(zip(("en", "fr", "es"), roles,
                                                                               strict=True))),
                             **_translated("text", dict(zip(("en", "fr", "es"), texts, strict=True))))
    featured = list(Commitment.objects.published().order_by("-published_at", "-pk")[:40:13])
    for position, commitment in enumerate(featured):
        FeaturedCommitment.objects.get_or_create(commitment=commitment, defaults={"position": position})
    faq_count = _faq()
    _newsletter(now)
    return {"news": len(NEWS) + (story is not None), "quotes": Quote.objects.count(), "faq": faq_count,
            "featured": len(featured)}


NEWSLETTER_SUBJECT = {"en": "The Action Agenda for biosafety: first issue",
                      "fr": "L’Action Agenda pour la biosécurité : premier numéro",
                      "es": "La Agenda de Acción para la bioseguridad: primer número"}
NEWSLETTER_INTRO = {
    "en": "Welcome to the first newsletter of the platform: the commitments made so far, news and what comes next.",
    "fr": "Bienvenue dans la première lettre de la plateforme : les engagements pris, les nouvelles et la suite.",
    "es": "Bienvenidos al primer boletín de la plataforma: los compromisos asumidos, las noticias y lo que viene.",
}
NEWSLETTER_BLOCKS = ("commitments", "news", "statistics", "events", "consultations")
DEMO_SUBSCRIBERS = (("reader.en@example.org", "en"), ("lectrice.fr@example.org", "fr"),
                    ("lector.es@example.org", "es"))


def _newsletter(now) -> Newsletter:
    """One issue shown as sent in the archive, to three invented subscribers: its deliveries are recorded as sent
    and no e-mail goes out."""
    issue = Newsletter.objects.create(**_translated("subject", NEWSLETTER_SUBJECT),
                                      **_translated("intro", NEWSLETTER_INTRO))
    for position, kind in enumerate(NEWSLETTER_BLOCKS):
        issue.blocks.create(kind=kind, position=position, count=3)
    issue.sent_content = newsletter_content.freeze(issue, now)
    issue.status, issue.sending_started_at, issue.sent_at = Newsletter.Status.SENT, now, now
    issue.save()
    for address, language in DEMO_SUBSCRIBERS:
        with override(language):
            consent = str(CONSENT_TEXT)
        subscriber = Subscriber.objects.create(email=address, language=language, token=new_subscriber_token(),
                                               status=Subscriber.Status.CONFIRMED, confirmed_at=now,
                                               consented_at=now, consent_text=consent)
        Delivery.objects.create(newsletter=issue, subscriber=subscriber, status=Delivery.Status.SENT, sent_at=now)
    return issue
