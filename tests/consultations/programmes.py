"""Messy programme documents written for the tests, as word processors export them."""

ENGLISH = """\
Online discussions on biosafety capacity-building
[bookmark: _GoBack]Launch webinar: 27 September 2021, 13:00-15:00 EDT
Week 1: 27 September - 3 October
Dates: 27 September – 3 October 2021
Online discussion group 1: Risk assessment and risk management
[bookmark: _GoBack]Theme 1: Capacity for risk assessment
1. What capacities do regulators need to assess [living modified organisms](https://bch.cbd.int)?
2) How can non-state actors contribute?
Please share examples from your region.
Theme 2: Detection and identification
1. Which laboratories can detect LMOs in your country?
What else should the secretariat know?
Week 2: 4 - 10 October
Online discussion group 2: Public awareness and participation
Theme 3: Public participation[bookmark: theme3]
1\\. How are the public consulted on decisions about LMOs?
https://www.cbd.int/biosafety
"""

FRENCH = """\
# Discussions en ligne sur la biosécurité
Webinaire de lancement : 27 septembre 2021, 13 h 00 - 15 h 00 HAE
## Semaine 1 : 27 septembre - 3 octobre
**Groupe de discussion en ligne 1 : Évaluation des risques**
### Thème 1 : Capacités nationales
1. De quelles capacités les autorités ont-elles besoin ?
2. Comment les acteurs non étatiques peuvent-ils contribuer ?
* Quelles leçons tirer de votre région ?
"""

SPANISH = """\
Debates en línea sobre seguridad de la biotecnología
Semana 1: 27 de septiembre - 3 de octubre
Grupo de discusión en línea 1: Evaluación del riesgo
Tema 1: Capacidades nacionales
1. ¿Qué capacidades necesitan las autoridades?
2. ¿Cómo pueden contribuir los actores no estatales?
Semana 2: 28 de diciembre - 3 de enero
Grupo de discusión en línea 2: Concienciación del público
Tema 2: Participación
1. ¿Cómo se consulta al público?
Seminario web: 5 de octubre de 2021, 10:00 - 11:30 CEST
"""
