"""What the demo commitments are about, in English, French and Spanish: titles, descriptions and indicators.

A theme suits some kinds of actor (and, for organisations and businesses, some types or sectors); its titles
name the actor's city where `{place}` appears, its description may name the first indicator's target
(`{target}`). Indicators say their unit and the range of their baseline and target: percentages stay within
0-100, counts are whole numbers, and a count's range grows with the commitment's scale when `scaled`.
"""

import re
from dataclasses import dataclass, field

INDIVIDUAL, ORGANIZATION, BUSINESS, GOVERNMENT = "individual", "organization", "business", "local_government"


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    baseline: tuple[int, int]
    target: tuple[int, int]
    scaled: bool = False

    @property
    def percent(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True)
class Theme:
    kinds: frozenset[str]
    titles: tuple[str, ...]
    description: str
    impact: str
    measures: tuple[Measure, ...]
    ip_elements: tuple[str, ...]
    audiences: tuple[str, ...]
    # For organisations: the organisation types it suits; for businesses: the sectors (empty: any).
    organization_types: frozenset[str] = field(default_factory=frozenset)
    sectors: frozenset[str] = field(default_factory=frozenset)
    action_areas: tuple[str, ...] = ()

    def suits(self, kind: str, organization_type: str, sector: str) -> bool:
        if kind not in self.kinds:
            return False
        if kind == ORGANIZATION and self.organization_types:
            return organization_type in self.organization_types
        if kind == BUSINESS and self.sectors:
            return sector in self.sectors
        return True


def theme(kinds, titles, description, impact, measures, ip_elements, audiences, *, types=(), sectors=(),
          areas=()) -> Theme:
    return Theme(frozenset(kinds), tuple(titles), description, impact, tuple(measures), tuple(ip_elements),
                 tuple(audiences), frozenset(types), frozenset(sectors), tuple(areas))


def titled(text: str, place: str, language: str, **values) -> str:
    """`text` with the actor's city in `{place}`, elided as French writes it ("près d'Abidjan", not "de A...")."""
    found = text.format(place=place, **values)
    if language == "fr":
        found = re.sub(r"\b([Dd])e (?=[AEIOUYÉÈÊÂÎÔ])", r"\1'", found)
    return found


PER, ORG, BIZ, GOV = INDIVIDUAL, ORGANIZATION, BUSINESS, GOVERNMENT
CIVIL = ("ngo", "consumer_group", "youth_organization", "womens_group", "indigenous_community", "foundation",
         "farmer_organization", "other")
SCIENCE = ("academic", "scientific_body", "un_agency")
FARMING = ("farmer_organization", "womens_group", "indigenous_community", "ngo")
LABS = ("laboratory_services", "biotechnology")
TRADE = ("trade_logistics", "food_feed", "retail", "seeds_agriculture")
MONEY = ("finance", "consulting")
FUNDERS = ("financial_institution", "foundation")
COMMUNITIES = ("indigenous_community", "farmer_organization", "womens_group", "ngo")

THEMES: dict[str, tuple[Theme, ...]] = {
    "en": (
        theme((ORG, GOV, PER), ("Biosafety awareness campaign in {place}",
                                "Radio programmes on living modified organisms for listeners in {place}",
                                "A regional radio series on biosafety and public participation",
                                "Public awareness of biosafety decisions in {place}"),
              "We will run weekly radio programmes, school visits and community meetings in {place} so that people "
              "understand what living modified organisms are, how decisions on them are taken and how to take part "
              "in public consultations under Article 23 of the Cartagena Protocol. We aim to reach {target} people.",
              "Residents who know where to find biosafety decisions and how to comment on them.",
              (Measure("People reached by awareness activities", "people", (0, 0), (2000, 12000), True),
               Measure("Households aware of LMO labelling rules", "%", (12, 30), (55, 75))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("general_public", "students", "journalists"), types=CIVIL),
        theme((ORG, BIZ), ("Training laboratory analysts in LMO detection in {place}",
                           "Real-time PCR proficiency for LMO detection laboratories in {place}",
                           "Strengthening the laboratory network for LMO detection around {place}",
                           "A regional network of laboratories for LMO detection"),
              "Our laboratory will train analysts from public and private laboratories in sampling, DNA extraction and "
              "real-time PCR for the detection and identification of LMOs, and take part in a proficiency test each "
              "year. By the end, {target} analysts will hold a certificate.",
              "Laboratories able to confirm or rule out the presence of LMOs in seed, grain and food samples.",
              (Measure("Analysts certified in LMO detection", "analysts", (0, 0), (20, 60)),
               Measure("Laboratories passing the annual proficiency test", "%", (40, 60), (90, 100))),
              ("IP-DI", "IP-CB"), ("laboratories", "regulators"), types=SCIENCE, sectors=LABS),
        theme((ORG, PER), ("Risk assessment mentoring for early-career scientists in {place}",
                           "Case studies in LMO risk assessment for young researchers"),
              "A mentoring programme pairs early-career scientists with experienced risk assessors to work through "
              "case studies following Annex III of the Protocol and the voluntary guidance on risk assessment. "
              "{target} mentees will complete a case study.",
              "A new generation of risk assessors able to review dossiers case by case.",
              (Measure("Mentees completing an Annex III case study", "people", (0, 0), (10, 40)),),
              ("IP-RA", "IP-CB"), ("researchers", "youth"), types=SCIENCE),
        theme((ORG, BIZ), ("Publishing national biosafety decisions on the Biosafety Clearing-House",
                           "Digitising biosafety records for the BCH from {place}"),
              "We will help the national authority digitise its decisions and risk assessment summaries and publish "
              "them on the Biosafety Clearing-House, so that {target} records are public and searchable.",
              "Decisions on LMOs that anyone can find on the BCH soon after they are taken.",
              (Measure("Records published on the BCH", "records", (0, 20), (80, 300)),
               Measure("Days from decision to publication on the BCH", "days", (90, 150), (15, 30))),
              ("IP-BCH", "IP-NBF"), ("regulators", "policymakers"), types=("ngo", *SCIENCE), sectors=MONEY),
        theme((ORG, GOV, BIZ), ("Farmer field schools on coexistence and seed stewardship in {place}",
                                "Seed stewardship training for smallholders around {place}",
                                "Seed stewardship exchanges between farmer organisations across borders"),
              "Farmer field schools around {place} will discuss seed choices, refuge areas, labelling and record "
              "keeping, so that growers make informed decisions. We plan to train {target} farmers.",
              "Growers who keep records, respect refuge areas and know whom to call about a seed problem.",
              (Measure("Farmers trained in seed stewardship", "farmers", (0, 0), (200, 1500), True),
               Measure("Trained farmers keeping planting records", "%", (10, 25), (60, 80))),
              ("IP-RMGMT", "IP-SEC"), ("farmers", "women"), types=FARMING, sectors=("seeds_agriculture",),
              areas=("FOOD-AND-HEALTH",)),
        theme((ORG, GOV), ("Community dialogues on socio-economic considerations in {place}",
                           "Listening to communities about LMO decisions in {place}",
                           "Cross-border dialogue on the socio-economic considerations of LMOs"),
              "We will hold dialogues with indigenous peoples and local communities on the socio-economic "
              "considerations of decisions on LMOs, following the voluntary guidance on Article 26, and feed the "
              "results into national consultations: {target} dialogues in all.",
              "Community views recorded and taken into account in national decisions.",
              (Measure("Community dialogues held", "dialogues", (0, 0), (8, 30)),
               Measure("Dialogue participants who are women", "%", (20, 35), (50, 50))),
              ("IP-SEC", "IP-PAEP"), ("iplc", "civil_society", "women"), types=COMMUNITIES),
        theme((BIZ,), ("Article 18 documentation for grain shipments from {place}",
                       "Traceability of LMO shipments at our {place} terminal",
                       "Identity preservation for non-LMO grain lots handled in {place}",
                       "Article 18 documentation across our regional grain trade"),
              "Our company will document every shipment of grain that may contain LMOs according to Article 18 and "
              "the decisions on documentation, and train its logistics staff in handling and identification.",
              "Shipments that importing countries can check against their decisions, without delays at the border.",
              (Measure("Shipments with complete Article 18 documentation", "%", (55, 75), (95, 100)),
               Measure("Logistics staff trained in LMO handling", "people", (0, 0), (30, 150))),
              ("IP-DI", "IP-UTM"), ("industry",), sectors=TRADE,
              areas=("SUSTAINABLE-CONSUMPTION-AND-PRODUCTION",)),
        theme((GOV,), ("Biosafety criteria in {place} school-meal procurement",
                       "Labelling checks for food sold in {place} markets"),
              "The council will add biosafety and labelling criteria to its food procurement and have its inspectors "
              "check LMO labelling in markets, with {target} inspections over the period.",
              "Food bought and sold in the city that follows national labelling rules.",
              (Measure("Market inspections including LMO labelling", "inspections", (0, 0), (40, 200)),
               Measure("Public food contracts with biosafety clauses", "%", (5, 15), (60, 90))),
              ("IP-MAINSTREAM", "IP-COMPLY"), ("consumers", "industry"), areas=("URBAN-SUSTAINABILITY",)),
        theme((ORG, PER), ("Training journalists to report on biosafety in {place}",
                           "A biosafety media fellowship for reporters in {place}",
                           "A regional biosafety media fellowship"),
              "Workshops and a small fellowship will help {target} journalists report accurately on living modified "
              "organisms, risk assessment and public participation.",
              "Fewer misleading stories and more reporting on how decisions are made.",
              (Measure("Journalists trained", "journalists", (0, 0), (15, 60)),
               Measure("Articles published by trained journalists", "articles", (0, 0), (30, 200))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("journalists",), types=CIVIL),
        theme((ORG,), ("A biosafety module in the agriculture degree at {place}",
                       "Postgraduate course on biosafety and the Cartagena Protocol"),
              "We will add a biosafety module to our degree programmes, covering the Protocol, risk assessment and "
              "detection, taught with the national authority. {target} students will complete it.",
              "Graduates who enter ministries, laboratories and companies knowing the biosafety rules.",
              (Measure("Students completing the biosafety module", "students", (0, 0), (60, 400)),),
              ("IP-CB", "IP-PAEP"), ("students", "researchers"), types=("academic",)),
        theme((ORG, BIZ), ("Monitoring non-target insects around field trial sites near {place}",
                           "Post-release environmental monitoring near {place}",
                           "Shared protocols for post-release monitoring across the region"),
              "Our team will sample monitoring sites each season around authorised field trials and publish the "
              "results, in line with the guidance on monitoring after release.",
              "Data that regulators can use to confirm or revise their risk management measures.",
              (Measure("Monitoring sites sampled each season", "sites", (0, 0), (6, 30)),
               Measure("Sampling rounds completed on schedule", "%", (50, 70), (95, 100))),
              ("IP-RMGMT", "IP-RA"), ("regulators", "researchers"), types=SCIENCE, sectors=LABS,
              areas=("SPECIES",)),
        theme((ORG,), ("Youth biosafety ambassadors in {place} schools",
                       "Growing the youth biosafety network in {place}",
                       "A regional youth network for biosafety"),
              "Young volunteers trained by our network will visit schools and youth clubs to talk about "
              "biodiversity, biotechnology and biosafety, and invite their peers to national consultations.",
              "Young people who take part in consultations and make commitments of their own.",
              (Measure("Active youth ambassadors", "people", (20, 80), (150, 400)),
               Measure("Schools visited", "schools", (0, 0), (20, 80))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("youth", "students"), types=("youth_organization", "ngo")),
        theme((PER,), ("Talks on biosafety for schools and community groups in {place}",
                       "Plain-language biosafety guides for neighbours in {place}",
                       "A volunteer biosafety information desk at the {place} farmers' market"),
              "As a volunteer I will give talks and answer questions about living modified organisms, how they are "
              "assessed and where to find national decisions, aiming at {target} talks.",
              "Neighbours who can find reliable information and take part in consultations.",
              (Measure("Talks given", "talks", (0, 0), (10, 40)),
               Measure("People attending", "people", (0, 0), (300, 1500))),
              ("IP-PAEP",), ("general_public", "students")),
        theme((BIZ, ORG), ("Biosafety screening in agricultural lending",
                           "Biosafety due diligence for our agricultural insurance portfolio"),
              "We will check that the agricultural projects we finance or insure comply with national biosafety "
              "rules, and train our staff to recognise when a permit is needed.",
              "Finance that supports only activities with the permits the law requires.",
              (Measure("Files screened for biosafety compliance", "%", (0, 15), (80, 100)),
               Measure("Staff trained in biosafety due diligence", "people", (0, 0), (20, 100))),
              ("IP-RESMOB", "IP-COMPLY"), ("industry", "policymakers"), types=FUNDERS, sectors=("finance",),
              areas=("GREEN-FINANCE",)),
        theme((ORG, BIZ), ("Explaining the Supplementary Protocol on Liability and Redress in {place}",
                           "Regional briefings on the Supplementary Protocol on Liability and Redress",),
              "Briefings for officials, lawyers and insurers will explain the Nagoya-Kuala Lumpur Supplementary "
              "Protocol and what ratifying it would change, for {target} participants.",
              "Decision-makers who understand liability and redress for damage from LMOs.",
              (Measure("Officials and practitioners briefed", "people", (0, 0), (50, 300)),),
              ("IP-LR",), ("policymakers", "regulators"), types=("ngo", *SCIENCE), sectors=MONEY),
        theme((ORG, BIZ), ("Stakeholder dialogue on engineered gene drives in {place}",
                           "An international dialogue on engineered gene drives and risk assessment",),
              "We will convene researchers, regulators and communities to discuss the additional voluntary guidance "
              "on risk assessment of LMOs containing engineered gene drives, in {target} workshops.",
              "Shared understanding of what a case-by-case assessment of a gene drive would involve.",
              (Measure("Stakeholder workshops held", "workshops", (0, 0), (4, 12)),),
              ("IP-RA", "IP-COOP"), ("researchers", "regulators", "iplc"), types=SCIENCE,
              sectors=("biotechnology",)),
        theme((ORG, GOV), ("Helping residents of {place} take part in public consultations on LMOs",),
              "We will announce national consultations on LMO applications, explain the documents in plain "
              "language and help residents send their comments: {target} comments over the period.",
              "More, and better informed, public comments on national decisions.",
              (Measure("Comments submitted to national consultations", "comments", (0, 0), (50, 400)),),
              ("IP-PAEP", "IP-NBF"), ("general_public", "civil_society"), types=("consumer_group", "ngo")),
        theme((BIZ,), ("Clear LMO labelling on our products sold in {place}",
                       "Clear LMO labelling across our product range",),
              "All our products containing LMO ingredients will carry the labels national rules require, checked "
              "by an independent laboratory each year.",
              "Consumers who can choose with the information the law gives them.",
              (Measure("Product lines labelled as the rules require", "%", (60, 80), (100, 100)),),
              ("IP-DI", "IP-COMPLY"), ("consumers",), sectors=("food_feed", "retail")),
    ),
    "fr": (
        theme((ORG, GOV, PER), ("Campagne de sensibilisation à la biosécurité à {place}",
                                "Émissions de radio sur les organismes vivants modifiés à {place}",
                                "Une série radio régionale sur la biosécurité et la participation du public",
                                "Informer le public des décisions sur les OVM à {place}"),
              "Nous organiserons des émissions de radio, des visites d'écoles et des réunions communautaires à "
              "{place} pour expliquer ce que sont les organismes vivants modifiés, comment les décisions sont prises "
              "et comment participer aux consultations publiques prévues par l'article 23 du Protocole. Objectif : "
              "toucher {target} personnes.",
              "Des habitants qui savent où trouver les décisions et comment donner leur avis.",
              (Measure("Personnes touchées par les activités de sensibilisation", "personnes", (0, 0),
                       (2000, 12000), True),
               Measure("Ménages informés des règles d'étiquetage des OVM", "%", (12, 30), (55, 75))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("general_public", "students", "journalists"), types=CIVIL),
        theme((ORG, BIZ), ("Formation des laboratoires à la détection des OVM à {place}",
                           "Maîtrise de la PCR en temps réel pour les laboratoires de {place}",
                           "Un réseau régional de laboratoires pour la détection des OVM"),
              "Notre laboratoire formera des analystes à l'échantillonnage, à l'extraction d'ADN et à la PCR en temps "
              "réel pour détecter et identifier les OVM, avec un essai d'aptitude chaque année : {target} analystes "
              "certifiés à terme.",
              "Des laboratoires capables de confirmer ou d'écarter la présence d'OVM dans les semences et les grains.",
              (Measure("Analystes certifiés en détection des OVM", "analystes", (0, 0), (20, 60)),
               Measure("Laboratoires réussissant l'essai d'aptitude annuel", "%", (40, 60), (90, 100))),
              ("IP-DI", "IP-CB"), ("laboratories", "regulators"), types=SCIENCE, sectors=LABS),
        theme((ORG, PER), ("Évaluation des risques : tutorat de jeunes chercheurs à {place}",
                           "Études de cas en évaluation des risques des OVM pour jeunes scientifiques"),
              "Un programme de tutorat associe de jeunes scientifiques à des évaluateurs expérimentés autour d'études "
              "de cas conformes à l'annexe III et aux orientations volontaires : {target} études de cas menées à bien.",
              "Une relève d'évaluateurs capables d'examiner les dossiers au cas par cas.",
              (Measure("Jeunes chercheurs ayant terminé une étude de cas", "personnes", (0, 0), (10, 40)),),
              ("IP-RA", "IP-CB"), ("researchers", "youth"), types=SCIENCE),
        theme((ORG, GOV, BIZ), ("Champs-écoles sur la coexistence et la gestion des semences à {place}",
                                "Former les petits producteurs de {place} à la bonne gestion des semences",
                                "Échanges transfrontaliers entre organisations paysannes sur la gestion des semences"),
              "Des champs-écoles paysans autour de {place} aborderont le choix des semences, les zones refuges, "
              "l'étiquetage et la tenue de registres : {target} producteurs formés.",
              "Des producteurs qui tiennent leurs registres et savent à qui signaler un problème de semences.",
              (Measure("Producteurs formés à la gestion des semences", "producteurs", (0, 0), (200, 1500), True),
               Measure("Producteurs formés tenant un registre des semis", "%", (10, 25), (60, 80))),
              ("IP-RMGMT", "IP-SEC"), ("farmers", "women"), types=FARMING, sectors=("seeds_agriculture",),
              areas=("FOOD-AND-HEALTH",)),
        theme((ORG, GOV), ("Dialogue communautaire sur les considérations socio-économiques à {place}",
                           "Écouter les communautés sur les décisions relatives aux OVM à {place}",
                           "Dialogue transfrontalier sur les considérations socio-économiques des OVM"),
              "Nous tiendrons {target} dialogues avec les peuples autochtones et les communautés locales sur les "
              "considérations socio-économiques des décisions relatives aux OVM, selon les orientations sur "
              "l'article 26, et en transmettrons les conclusions aux consultations nationales.",
              "Des avis communautaires consignés et pris en compte dans les décisions nationales.",
              (Measure("Dialogues communautaires tenus", "dialogues", (0, 0), (8, 30)),
               Measure("Participantes aux dialogues", "%", (20, 35), (50, 50))),
              ("IP-SEC", "IP-PAEP"), ("iplc", "civil_society", "women"), types=COMMUNITIES),
        theme((BIZ,), ("Documentation de l'article 18 pour les cargaisons de céréales au départ de {place}",
                       "Traçabilité des cargaisons d'OVM dans notre entrepôt de {place}",
                       "Documentation de l'article 18 pour l'ensemble de nos échanges régionaux de céréales"),
              "Notre entreprise documentera chaque cargaison de céréales pouvant contenir des OVM conformément à "
              "l'article 18 et formera son personnel logistique à la manipulation et à l'identification.",
              "Des cargaisons que les pays importateurs peuvent contrôler sans retard à la frontière.",
              (Measure("Cargaisons avec une documentation complète", "%", (55, 75), (95, 100)),
               Measure("Agents logistiques formés à la manipulation des OVM", "personnes", (0, 0), (30, 150))),
              ("IP-DI", "IP-UTM"), ("industry",), sectors=TRADE, areas=("SUSTAINABLE-CONSUMPTION-AND-PRODUCTION",)),
        theme((GOV,), ("Critères de biosécurité dans les achats de la restauration scolaire de {place}",
                       "Contrôle de l'étiquetage des aliments sur les marchés de {place}"),
              "La collectivité ajoutera des critères de biosécurité et d'étiquetage à ses achats alimentaires et ses "
              "agents contrôleront l'étiquetage des OVM sur les marchés : {target} contrôles sur la période.",
              "Des aliments achetés et vendus dans la ville conformes aux règles nationales d'étiquetage.",
              (Measure("Contrôles de marché incluant l'étiquetage des OVM", "contrôles", (0, 0), (40, 200)),
               Measure("Marchés publics alimentaires avec clause de biosécurité", "%", (5, 15), (60, 90))),
              ("IP-MAINSTREAM", "IP-COMPLY"), ("consumers", "industry"), areas=("URBAN-SUSTAINABILITY",)),
        theme((ORG, PER), ("Former les journalistes de {place} à traiter de la biosécurité",
                           "Bourse de journalisme sur la biosécurité à {place}",
                           "Une bourse régionale de journalisme sur la biosécurité"),
              "Des ateliers et une petite bourse aideront {target} journalistes à traiter avec exactitude des OVM, de "
              "l'évaluation des risques et de la participation du public.",
              "Moins d'articles trompeurs, davantage d'enquêtes sur la manière dont les décisions sont prises.",
              (Measure("Journalistes formés", "journalistes", (0, 0), (15, 60)),
               Measure("Articles publiés par les journalistes formés", "articles", (0, 0), (30, 200))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("journalists",), types=CIVIL),
        theme((ORG,), ("Un module de biosécurité dans le cursus d'agronomie à {place}",
                       "Master spécialisé en biosécurité et Protocole de Cartagena"),
              "Nous ajouterons à nos formations un module de biosécurité couvrant le Protocole, l'évaluation des "
              "risques et la détection, enseigné avec l'autorité nationale : {target} étudiants le suivront.",
              "Des diplômés qui connaissent les règles de biosécurité en entrant dans les ministères et laboratoires.",
              (Measure("Étudiants ayant suivi le module de biosécurité", "étudiants", (0, 0), (60, 400)),),
              ("IP-CB", "IP-PAEP"), ("students", "researchers"), types=("academic",)),
        theme((ORG, BIZ), ("Surveillance des insectes non cibles autour des essais au champ près de {place}",
                           "Suivi environnemental après dissémination près de {place}",
                           "Des protocoles communs de suivi après dissémination dans la région"),
              "Notre équipe échantillonnera chaque saison des sites de suivi autour des essais autorisés et publiera "
              "les résultats, selon les orientations sur la surveillance après dissémination.",
              "Des données dont les autorités peuvent se servir pour confirmer ou revoir leurs mesures.",
              (Measure("Sites de suivi échantillonnés par saison", "sites", (0, 0), (6, 30)),
               Measure("Campagnes d'échantillonnage réalisées à temps", "%", (50, 70), (95, 100))),
              ("IP-RMGMT", "IP-RA"), ("regulators", "researchers"), types=SCIENCE, sectors=LABS,
              areas=("SPECIES",)),
        theme((ORG,), ("Jeunes ambassadeurs de la biosécurité dans les écoles de {place}",
                       "Élargir le réseau des jeunes pour la biosécurité à {place}",
                       "Un réseau régional des jeunes pour la biosécurité"),
              "De jeunes bénévoles formés par notre réseau visiteront écoles et clubs pour parler de biodiversité, de "
              "biotechnologie et de biosécurité, et inviter leurs pairs aux consultations nationales.",
              "Des jeunes qui participent aux consultations et prennent leurs propres engagements.",
              (Measure("Jeunes ambassadeurs actifs", "personnes", (20, 80), (150, 400)),
               Measure("Écoles visitées", "écoles", (0, 0), (20, 80))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("youth", "students"), types=("youth_organization", "ngo")),
        theme((PER,), ("Causeries sur la biosécurité dans les écoles et associations de {place}",
                       "Des fiches simples sur la biosécurité pour les habitants de {place}"),
              "Bénévole, je donnerai des causeries et répondrai aux questions sur les OVM, leur évaluation et l'accès "
              "aux décisions nationales : {target} causeries prévues.",
              "Des voisins qui trouvent une information fiable et participent aux consultations.",
              (Measure("Causeries données", "causeries", (0, 0), (10, 40)),
               Measure("Personnes présentes", "personnes", (0, 0), (300, 1500))),
              ("IP-PAEP",), ("general_public", "students")),
        theme((BIZ, ORG), ("Vérification de la biosécurité dans nos crédits agricoles",
                           "Diligence raisonnable en biosécurité pour notre portefeuille d'assurance agricole"),
              "Nous vérifierons que les projets agricoles que nous finançons ou assurons respectent les règles "
              "nationales de biosécurité, et formerons notre personnel à repérer quand un permis est nécessaire.",
              "Des financements réservés aux activités qui disposent des autorisations requises.",
              (Measure("Dossiers vérifiés pour la biosécurité", "%", (0, 15), (80, 100)),
               Measure("Agents formés à la diligence raisonnable", "personnes", (0, 0), (20, 100))),
              ("IP-RESMOB", "IP-COMPLY"), ("industry", "policymakers"), types=FUNDERS, sectors=("finance",),
              areas=("GREEN-FINANCE",)),
        theme((ORG, BIZ), ("Publier les décisions nationales de biosécurité dans le CEPRB",
                           "Numériser les dossiers de biosécurité pour le CEPRB depuis {place}"),
              "Nous aiderons l'autorité nationale à numériser ses décisions et résumés d'évaluation des risques et à "
              "les publier dans le Centre d'échange pour la prévention des risques biotechnologiques : {target} "
              "fiches publiques.",
              "Des décisions sur les OVM que chacun peut retrouver peu après leur adoption.",
              (Measure("Fiches publiées dans le CEPRB", "fiches", (0, 20), (80, 300)),
               Measure("Jours entre la décision et sa publication", "jours", (90, 150), (15, 30))),
              ("IP-BCH", "IP-NBF"), ("regulators", "policymakers"), types=("ngo", *SCIENCE), sectors=MONEY),
        theme((ORG, GOV), ("Aider les habitants de {place} à participer aux consultations sur les OVM",),
              "Nous annoncerons les consultations nationales sur les demandes relatives aux OVM, expliquerons les "
              "documents en langage clair et aiderons les habitants à envoyer leurs observations : {target} "
              "contributions visées.",
              "Des observations du public plus nombreuses et mieux informées.",
              (Measure("Observations envoyées aux consultations nationales", "observations", (0, 0), (50, 400)),),
              ("IP-PAEP", "IP-NBF"), ("general_public", "civil_society"), types=("consumer_group", "ngo")),
    ),
    "es": (
        theme((ORG, GOV, PER), ("Campaña de sensibilización sobre bioseguridad en {place}",
                                "Programas de radio sobre organismos vivos modificados en {place}",
                                "Una serie radial regional sobre bioseguridad y participación del público",
                                "Información pública sobre las decisiones de bioseguridad en {place}"),
              "Realizaremos programas de radio, visitas a escuelas y reuniones comunitarias en {place} para que la "
              "población comprenda qué son los organismos vivos modificados, cómo se decide sobre ellos y cómo "
              "participar en las consultas públicas del artículo 23 del Protocolo. Meta: llegar a {target} personas.",
              "Habitantes que saben dónde encontrar las decisiones y cómo opinar sobre ellas.",
              (Measure("Personas alcanzadas por las actividades de sensibilización", "personas", (0, 0),
                       (2000, 12000), True),
               Measure("Hogares que conocen las normas de etiquetado de OVM", "%", (12, 30), (55, 75))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("general_public", "students", "journalists"), types=CIVIL),
        theme((ORG, BIZ), ("Capacitación de laboratorios en detección de OVM en {place}",
                           "PCR en tiempo real para los laboratorios de detección de {place}",
                           "Una red regional de laboratorios para la detección de OVM"),
              "Nuestro laboratorio capacitará a analistas en muestreo, extracción de ADN y PCR en tiempo real para "
              "detectar e identificar OVM, con un ensayo de aptitud cada año: {target} analistas certificados.",
              "Laboratorios capaces de confirmar o descartar la presencia de OVM en semillas y granos.",
              (Measure("Analistas certificados en detección de OVM", "analistas", (0, 0), (20, 60)),
               Measure("Laboratorios que aprueban el ensayo de aptitud anual", "%", (40, 60), (90, 100))),
              ("IP-DI", "IP-CB"), ("laboratories", "regulators"), types=SCIENCE, sectors=LABS),
        theme((ORG, PER), ("Mentoría en evaluación de riesgos para jóvenes científicos de {place}",
                           "Estudios de caso de evaluación del riesgo de OVM para investigadores jóvenes"),
              "Un programa de mentoría acompaña a científicos jóvenes con evaluadores de riesgo experimentados "
              "mediante estudios de caso según el anexo III y la orientación voluntaria: {target} estudios de caso.",
              "Una nueva generación de evaluadores capaces de revisar expedientes caso por caso.",
              (Measure("Jóvenes que completan un estudio de caso", "personas", (0, 0), (10, 40)),),
              ("IP-RA", "IP-CB"), ("researchers", "youth"), types=SCIENCE),
        theme((ORG, GOV, BIZ), ("Escuelas de campo sobre coexistencia y manejo de semillas en {place}",
                                "Capacitación en manejo responsable de semillas para productores de {place}",
                                "Intercambios entre organizaciones campesinas de la región sobre manejo de semillas"),
              "Las escuelas de campo alrededor de {place} abordarán la elección de semillas, las zonas de refugio, "
              "el etiquetado y los registros para que los productores decidan con información: {target} "
              "agricultores capacitados.",
              "Productores que llevan registros y saben a quién avisar ante un problema con las semillas.",
              (Measure("Agricultores capacitados en manejo de semillas", "agricultores", (0, 0), (200, 1500), True),
               Measure("Agricultores capacitados que llevan registros de siembra", "%", (10, 25), (60, 80))),
              ("IP-RMGMT", "IP-SEC"), ("farmers", "women"), types=FARMING, sectors=("seeds_agriculture",),
              areas=("FOOD-AND-HEALTH",)),
        theme((ORG, GOV), ("Diálogo con comunidades sobre consideraciones socioeconómicas en {place}",
                           "Escuchar a las comunidades de {place} sobre las decisiones sobre OVM",
                           "Diálogo transfronterizo sobre las consideraciones socioeconómicas de los OVM"),
              "Organizaremos {target} diálogos con pueblos indígenas y comunidades locales sobre las consideraciones "
              "socioeconómicas de las decisiones sobre OVM, según la orientación sobre el artículo 26, y llevaremos "
              "sus conclusiones a las consultas nacionales.",
              "Opiniones comunitarias registradas y consideradas en las decisiones nacionales.",
              (Measure("Diálogos comunitarios realizados", "diálogos", (0, 0), (8, 30)),
               Measure("Participantes mujeres en los diálogos", "%", (20, 35), (50, 50))),
              ("IP-SEC", "IP-PAEP"), ("iplc", "civil_society", "women"), types=COMMUNITIES),
        theme((ORG, GOV), ("Vigilancia comunitaria del maíz nativo en {place}",
                           "Guardianes de semillas nativas en {place}",
                           "Red regional de custodios del maíz nativo"),
              "Con las comunidades de {place} registraremos las variedades nativas, tomaremos muestras para análisis "
              "de laboratorio y compartiremos los resultados con la autoridad nacional.",
              "Variedades nativas documentadas y vigiladas por sus propios custodios.",
              (Measure("Parcelas de maíz nativo registradas", "parcelas", (0, 0), (40, 250)),
               Measure("Muestras analizadas a tiempo", "%", (40, 60), (90, 100))),
              ("IP-RMGMT", "IP-SEC"), ("iplc", "farmers"), types=("indigenous_community", "farmer_organization",
                                                                  "ngo", "womens_group"),
              areas=("SPECIES", "ACCESS-TO-BENEFIT-SHARING")),
        theme((BIZ,), ("Documentación del artículo 18 para los embarques de granos desde {place}",
                       "Trazabilidad de los embarques de OVM en nuestra terminal de {place}",
                       "Documentación del artículo 18 en todo nuestro comercio regional de granos"),
              "Nuestra empresa documentará cada embarque de granos que pueda contener OVM según el artículo 18 y "
              "capacitará a su personal de logística en manipulación e identificación.",
              "Embarques que los países importadores pueden verificar sin demoras en la frontera.",
              (Measure("Embarques con documentación completa", "%", (55, 75), (95, 100)),
               Measure("Personal de logística capacitado en manipulación de OVM", "personas", (0, 0), (30, 150))),
              ("IP-DI", "IP-UTM"), ("industry",), sectors=TRADE, areas=("SUSTAINABLE-CONSUMPTION-AND-PRODUCTION",)),
        theme((GOV,), ("Criterios de bioseguridad en las compras de alimentación escolar de {place}",
                       "Control del etiquetado de alimentos en los mercados de {place}"),
              "El gobierno local incorporará criterios de bioseguridad y etiquetado a sus compras de alimentos y sus "
              "inspectores verificarán el etiquetado de OVM en los mercados: {target} inspecciones en el periodo.",
              "Alimentos comprados y vendidos en la ciudad conforme a las normas nacionales de etiquetado.",
              (Measure("Inspecciones de mercado que incluyen el etiquetado de OVM", "inspecciones", (0, 0),
                       (40, 200)),
               Measure("Contratos públicos de alimentos con cláusula de bioseguridad", "%", (5, 15), (60, 90))),
              ("IP-MAINSTREAM", "IP-COMPLY"), ("consumers", "industry"), areas=("URBAN-SUSTAINABILITY",)),
        theme((ORG, PER), ("Formación de periodistas de {place} en temas de bioseguridad",
                           "Beca de periodismo sobre bioseguridad en {place}",
                           "Una beca regional de periodismo sobre bioseguridad"),
              "Talleres y una pequeña beca ayudarán a {target} periodistas a informar con rigor sobre los OVM, la "
              "evaluación del riesgo y la participación del público.",
              "Menos noticias engañosas y más información sobre cómo se toman las decisiones.",
              (Measure("Periodistas capacitados", "periodistas", (0, 0), (15, 60)),
               Measure("Artículos publicados por periodistas capacitados", "artículos", (0, 0), (30, 200))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("journalists",), types=CIVIL),
        theme((ORG,), ("Un módulo de bioseguridad en la carrera de agronomía en {place}",
                       "Diplomado en bioseguridad y Protocolo de Cartagena"),
              "Incorporaremos a nuestros programas un módulo de bioseguridad sobre el Protocolo, la evaluación del "
              "riesgo y la detección, dictado con la autoridad nacional: {target} estudiantes lo completarán.",
              "Egresados que conocen las normas de bioseguridad al llegar a ministerios y laboratorios.",
              (Measure("Estudiantes que completan el módulo de bioseguridad", "estudiantes", (0, 0), (60, 400)),),
              ("IP-CB", "IP-PAEP"), ("students", "researchers"), types=("academic",)),
        theme((ORG, BIZ), ("Monitoreo de insectos no objetivo alrededor de ensayos de campo cerca de {place}",
                           "Seguimiento ambiental posterior a la liberación cerca de {place}",
                           "Protocolos comunes de seguimiento posterior a la liberación en la región"),
              "Nuestro equipo muestreará cada temporada sitios de monitoreo alrededor de los ensayos autorizados y "
              "publicará los resultados, según la orientación sobre el seguimiento posterior a la liberación.",
              "Datos que las autoridades pueden usar para confirmar o revisar sus medidas de gestión del riesgo.",
              (Measure("Sitios de monitoreo muestreados por temporada", "sitios", (0, 0), (6, 30)),
               Measure("Rondas de muestreo realizadas a tiempo", "%", (50, 70), (95, 100))),
              ("IP-RMGMT", "IP-RA"), ("regulators", "researchers"), types=SCIENCE, sectors=LABS,
              areas=("SPECIES",)),
        theme((ORG,), ("Embajadores juveniles de la bioseguridad en las escuelas de {place}",
                       "Ampliar la red juvenil por la bioseguridad en {place}",
                       "Una red juvenil regional por la bioseguridad"),
              "Jóvenes voluntarios formados por nuestra red visitarán escuelas y clubes para hablar de biodiversidad, "
              "biotecnología y bioseguridad, e invitarán a sus pares a las consultas nacionales.",
              "Jóvenes que participan en las consultas y asumen compromisos propios.",
              (Measure("Embajadores juveniles activos", "personas", (20, 80), (150, 400)),
               Measure("Escuelas visitadas", "escuelas", (0, 0), (20, 80))),
              ("IP-PAEP", "IP-MAINSTREAM"), ("youth", "students"), types=("youth_organization", "ngo")),
        theme((PER,), ("Charlas sobre bioseguridad en escuelas y grupos comunitarios de {place}",
                       "Guías sencillas sobre bioseguridad para los vecinos de {place}"),
              "Como voluntaria o voluntario daré charlas y responderé preguntas sobre los OVM, su evaluación y dónde "
              "consultar las decisiones nacionales: {target} charlas previstas.",
              "Vecinos que encuentran información confiable y participan en las consultas.",
              (Measure("Charlas impartidas", "charlas", (0, 0), (10, 40)),
               Measure("Personas asistentes", "personas", (0, 0), (300, 1500))),
              ("IP-PAEP",), ("general_public", "students")),
        theme((ORG, BIZ), ("Publicar las decisiones nacionales de bioseguridad en el CIISB",
                           "Digitalizar los expedientes de bioseguridad para el CIISB desde {place}"),
              "Ayudaremos a la autoridad nacional a digitalizar sus decisiones y resúmenes de evaluación del riesgo y "
              "a publicarlos en el Centro de Intercambio de Información sobre Seguridad de la Biotecnología: "
              "{target} registros públicos.",
              "Decisiones sobre OVM que cualquiera puede encontrar poco después de adoptarse.",
              (Measure("Registros publicados en el CIISB", "registros", (0, 20), (80, 300)),
               Measure("Días entre la decisión y su publicación", "días", (90, 150), (15, 30))),
              ("IP-BCH", "IP-NBF"), ("regulators", "policymakers"), types=("ngo", *SCIENCE), sectors=MONEY),
        theme((BIZ, ORG), ("Evaluación de bioseguridad en nuestros créditos agropecuarios",
                           "Debida diligencia en bioseguridad para nuestra cartera de seguros agrícolas"),
              "Verificaremos que los proyectos agrícolas que financiamos o aseguramos cumplan las normas nacionales "
              "de bioseguridad y capacitaremos a nuestro personal para reconocer cuándo se necesita un permiso.",
              "Financiamiento solo para actividades que cuentan con los permisos exigidos.",
              (Measure("Expedientes revisados en materia de bioseguridad", "%", (0, 15), (80, 100)),
               Measure("Personal capacitado en debida diligencia", "personas", (0, 0), (20, 100))),
              ("IP-RESMOB", "IP-COMPLY"), ("industry", "policymakers"), types=FUNDERS, sectors=("finance", "retail"),
              areas=("GREEN-FINANCE",)),
    ),
}

RESOURCES = {
    "en": ("Two staff members part-time and a group of volunteers.", "A grant from a national science fund.",
           "Our own budget, about 15,000 US dollars a year.", "A project officer and the support of our members.",
           ""),
    "fr": ("Deux salariés à temps partiel et des bénévoles.", "Une subvention d'un fonds national de recherche.",
           "Notre budget propre, environ 15\u202f000 dollars américains par an.",
           "Une chargée de projet et l'appui de nos membres.", ""),
    "es": ("Dos personas a tiempo parcial y un grupo de voluntarios.", "Una subvención de un fondo nacional de "
           "ciencia.", "Presupuesto propio, unos 15\u00a0000 dólares al año.",
           "Una coordinadora de proyecto y el apoyo de nuestros socios.", ""),
}

PARTNERS = {
    "en": ("The national biosafety authority", "The national competent authority and two universities", ""),
    "fr": ("L'autorité nationale de biosécurité", "Le correspondant national et deux universités", ""),
    "es": ("La autoridad nacional competente", "El punto focal nacional y dos universidades", ""),
}
