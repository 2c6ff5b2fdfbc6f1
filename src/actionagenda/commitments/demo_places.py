"""Who makes the demo commitments, and where: countries with their language, cities, people and actors.

Organisations, businesses and people are invented; local governments are real places (a commitment by one is
fiction all the same). Each actor lives in one city of one country and writes in that country's language, so
the demo never shows a city acting on another continent. `commitments.demo` draws from these lists.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    kind: str
    name: str
    city: str
    organization_type: str = ""
    sector: str = ""
    size: str = ""
    government_level: str = ""
    population: int | None = None


@dataclass(frozen=True)
class Country:
    language: str
    # Countries of one cluster are neighbours: a regional commitment may act in several of them.
    cluster: str
    cities: tuple[str, ...]
    # Members of the organisations (individuals are actors of their own, listed with the actors).
    people: tuple[str, ...]
    actors: tuple[Actor, ...]


def org(organization_type: str, name: str, city: str) -> Actor:
    return Actor("organization", name, city, organization_type=organization_type)


def biz(sector: str, size: str, name: str, city: str) -> Actor:
    return Actor("business", name, city, sector=sector, size=size)


def gov(level: str, population: int, name: str, city: str) -> Actor:
    return Actor("local_government", name, city, government_level=level, population=population)


def person(name: str, city: str) -> Actor:
    return Actor("individual", name, city)


COUNTRIES: dict[str, Country] = {
    # English
    "KE": Country("en", "east_africa", ("Nairobi", "Kisumu", "Nakuru"),
                  ("Daniel Otieno", "Faith Chebet", "Peter Kamau", "Mercy Achieng", "Samuel Kiprono"), (
        org("youth_organization", "Kenya Youth Biosafety Network", "Nairobi"),
        org("farmer_organization", "Rift Valley Smallholder Farmers' Union", "Nakuru"),
        biz("laboratory_services", "small", "Lakeside Seed Testing Laboratory", "Kisumu"),
        gov("district", 1_155_000, "Kisumu County Government", "Kisumu"),
        person("Grace Wanjiru", "Nairobi"),
    )),
    "NG": Country("en", "west_africa", ("Lagos", "Ibadan", "Zaria"),
                  ("Chinedu Okafor", "Aisha Bello", "Tunde Adebayo", "Ngozi Eze", "Ibrahim Musa"), (
        org("academic", "Centre for Agricultural Biotechnology Studies, Zaria", "Zaria"),
        org("consumer_group", "Lagos Consumer Rights Forum", "Lagos"),
        biz("trade_logistics", "large", "Apapa Grain Terminal Services", "Lagos"),
        person("Funmilayo Adeyemi", "Ibadan"),
    )),
    "GH": Country("en", "west_africa", ("Kumasi", "Accra", "Tamale"),
                  ("Kofi Mensah", "Abena Owusu", "Kwame Asante", "Efua Boateng", "Yaw Darko"), (
        gov("municipal", 443_000, "Kumasi Metropolitan Assembly", "Kumasi"),
        org("womens_group", "Northern Ghana Women Farmers' Association", "Tamale"),
        org("scientific_body", "Ghana Society for Plant Biosafety", "Accra"),
        biz("seeds_agriculture", "medium", "Ashanti Seed Growers Cooperative", "Kumasi"),
    )),
    "UG": Country("en", "east_africa", ("Kampala", "Gulu", "Mbarara"),
                  ("Joseph Okello", "Sarah Namutebi", "Moses Ssempijja", "Ruth Akello"), (
        org("ngo", "Uganda Biosafety Awareness Trust", "Kampala"),
        org("farmer_organization", "Acholi Farmers' Seed Alliance", "Gulu"),
        gov("municipal", 196_000, "Mbarara City Council", "Mbarara"),
    )),
    "TZ": Country("en", "east_africa", ("Arusha", "Dar es Salaam", "Morogoro"),
                  ("Neema Mushi", "Baraka Mollel", "Rehema Said", "Juma Kessy"), (
        org("academic", "Morogoro Institute of Crop Science", "Morogoro"),
        biz("food_feed", "medium", "Kilimanjaro Feed Mills Ltd", "Arusha"),
        person("Zawadi Mrema", "Dar es Salaam"),
    )),
    "ZA": Country("en", "southern_africa", ("Pretoria", "Cape Town", "Stellenbosch"),
                  ("Thandiwe Nkosi", "Pieter van der Merwe", "Lerato Molefe", "Sipho Dlamini"), (
        org("scientific_body", "Southern African Society for Risk Assessment", "Stellenbosch"),
        biz("biotechnology", "medium", "Highveld Molecular Diagnostics", "Pretoria"),
        gov("metropolitan", 4_770_000, "City of Cape Town", "Cape Town"),
        org("consumer_group", "Cape Consumers for Safe Food", "Cape Town"),
    )),
    "ET": Country("en", "east_africa", ("Addis Ababa", "Hawassa", "Bahir Dar"),
                  ("Selamawit Tesfaye", "Dawit Bekele", "Hirut Alemu", "Yonas Girma"), (
        org("academic", "Hawassa Centre for Biosafety Research", "Hawassa"),
        org("farmer_organization", "Amhara Highland Farmers' Cooperative Union", "Bahir Dar"),
        person("Meron Haile", "Addis Ababa"),
    )),
    "MW": Country("en", "southern_africa", ("Lilongwe", "Zomba"),
                  ("Chikondi Banda", "Tiyamike Phiri", "Kondwani Mwale"), (
        org("womens_group", "Zomba Women in Agriculture Network", "Zomba"),
        biz("seeds_agriculture", "small", "Lilongwe Seed Stewardship Company", "Lilongwe"),
    )),
    "ZM": Country("en", "southern_africa", ("Lusaka", "Kabwe"),
                  ("Mwansa Chileshe", "Bwalya Mulenga", "Natasha Zulu"), (
        org("ngo", "Zambia Alliance for Biosafety Education", "Lusaka"),
        gov("municipal", 230_000, "Kabwe Municipal Council", "Kabwe"),
    )),
    "IN": Country("en", "south_asia", ("Pune", "Hyderabad", "Ludhiana"),
                  ("Priya Nair", "Arjun Deshpande", "Kavita Reddy", "Harpreet Singh", "Rohan Kulkarni"), (
        org("academic", "Deccan Institute of Plant Molecular Biology", "Hyderabad"),
        biz("laboratory_services", "large", "Sahyadri GMO Testing Laboratories", "Pune"),
        org("farmer_organization", "Punjab Progressive Growers' Association", "Ludhiana"),
        gov("metropolitan", 3_120_000, "Pune Municipal Corporation", "Pune"),
        person("Meera Iyer", "Pune"),
    )),
    "BD": Country("en", "south_asia", ("Dhaka", "Gazipur"),
                  ("Farhana Rahman", "Tanvir Hossain", "Nusrat Jahan"), (
        org("ngo", "Bangladesh Forum for Biosafety and Food", "Dhaka"),
        org("academic", "Gazipur Agricultural Biotechnology Institute", "Gazipur"),
    )),
    "NP": Country("en", "south_asia", ("Kathmandu", "Pokhara"),
                  ("Sushila Gurung", "Bikash Thapa", "Anita Shrestha"), (
        org("indigenous_community", "Himalayan Indigenous Seed Keepers", "Pokhara"),
        person("Tenzin Sherpa", "Kathmandu"),
    )),
    "PH": Country("en", "southeast_asia", ("Los Baños", "Quezon City", "Davao"),
                  ("Maria Santos", "Jose Reyes", "Angelica Cruz", "Ramon Villanueva"), (
        org("academic", "Laguna Centre for Crop Biosafety", "Los Baños"),
        org("youth_organization", "Mindanao Youth for Biodiversity", "Davao"),
        gov("metropolitan", 2_960_000, "Quezon City Government", "Quezon City"),
    )),
    "MY": Country("en", "southeast_asia", ("Kuala Lumpur", "Penang", "Kota Kinabalu"),
                  ("Nurul Aziz", "Wei Ling Tan", "Arvind Kumar"), (
        org("ngo", "Malaysian Biosafety Dialogue Platform", "Kuala Lumpur"),
        biz("trade_logistics", "large", "Straits Commodity Logistics Sdn Bhd", "Penang"),
        person("Siti Hamzah", "Kota Kinabalu"),
    )),
    "GB": Country("en", "europe", ("Norwich", "Edinburgh", "York"),
                  ("Emily Clarke", "James Whitfield", "Fiona MacLeod", "Oliver Bennett"), (
        org("scientific_body", "Society for Environmental Risk Assessment of Biotechnology", "York"),
        org("foundation", "Norfolk Seed Heritage Foundation", "Norwich"),
        biz("finance", "large", "Thistle Agricultural Insurance", "Edinburgh"),
    )),
    "CA": Country("en", "north_america", ("Ottawa", "Guelph", "Saskatoon"),
                  ("Sarah Thompson", "Michael Chen", "Jessica Okafor", "Ryan Gagnon"), (
        org("academic", "Prairie Institute for Crop Stewardship", "Saskatoon"),
        biz("seeds_agriculture", "medium", "Grand River Seed Company", "Guelph"),
        org("un_agency", "Global Network of Biosafety Educators", "Ottawa"),
    )),
    # French
    "SN": Country("fr", "west_africa", ("Dakar", "Thiès", "Saint-Louis", "Ziguinchor"),
                  ("Mamadou Ndiaye", "Fatou Sow", "Cheikh Fall", "Awa Diop", "Ousmane Ba"), (
        org("ngo", "Réseau sénégalais pour la biosécurité", "Dakar"),
        org("farmer_organization", "Union des producteurs de semences de la vallée du fleuve", "Saint-Louis"),
        gov("municipal", 105_000, "Commune de Ziguinchor", "Ziguinchor"),
        person("Aïssatou Diallo", "Thiès"),
    )),
    "CM": Country("fr", "central_africa", ("Yaoundé", "Douala", "Dschang"),
                  ("Jean-Pierre Mbarga", "Brigitte Ngo Nlend", "Paul Fotso", "Clarisse Ekane"), (
        org("academic", "Laboratoire de biotechnologies végétales de Dschang", "Dschang"),
        biz("trade_logistics", "medium", "Transit Céréales du Littoral SARL", "Douala"),
        gov("municipal", 3_900_000, "Communauté urbaine de Yaoundé", "Yaoundé"),
    )),
    "BF": Country("fr", "west_africa", ("Ouagadougou", "Bobo-Dioulasso"),
                  ("Issouf Ouédraogo", "Mariam Sawadogo", "Adama Traoré", "Salimata Kaboré"), (
        org("farmer_organization", "Fédération des cotonculteurs des Hauts-Bassins", "Bobo-Dioulasso"),
        org("womens_group", "Association des femmes transformatrices du Kadiogo", "Ouagadougou"),
        person("Rasmata Zongo", "Ouagadougou"),
    )),
    "CI": Country("fr", "west_africa", ("Abidjan", "Bouaké", "Yamoussoukro"),
                  ("Koffi N'Guessan", "Aya Kouassi", "Yao Konan", "Mariam Coulibaly"), (
        org("consumer_group", "Fédération ivoirienne des consommateurs vigilants", "Abidjan"),
        biz("laboratory_services", "small", "BioAnalyse Côte d'Ivoire", "Abidjan"),
        gov("municipal", 740_000, "Mairie de Bouaké", "Bouaké"),
    )),
    "BJ": Country("fr", "west_africa", ("Cotonou", "Porto-Novo", "Parakou"),
                  ("Rodrigue Houngbédji", "Estelle Agossou", "Florent Dossou"), (
        gov("municipal", 680_000, "Mairie de Cotonou", "Cotonou"),
        org("youth_organization", "Jeunes volontaires pour la biodiversité du Bénin", "Porto-Novo"),
        biz("seeds_agriculture", "small", "Semences du Borgou", "Parakou"),
    )),
    "ML": Country("fr", "west_africa", ("Bamako", "Ségou"),
                  ("Boubacar Keïta", "Kadiatou Touré", "Moussa Diarra"), (
        org("farmer_organization", "Coordination des organisations paysannes de Ségou", "Ségou"),
        person("Fatoumata Cissé", "Bamako"),
    )),
    "NE": Country("fr", "west_africa", ("Niamey", "Maradi"),
                  ("Abdoulaye Issa", "Hadiza Moussa", "Souley Garba"), (
        org("ngo", "Alliance nigérienne pour une agriculture sûre", "Niamey"),
        gov("municipal", 270_000, "Ville de Maradi", "Maradi"),
    )),
    "TG": Country("fr", "west_africa", ("Lomé", "Kara"),
                  ("Kossi Amouzou", "Akossiwa Mensah", "Edem Kpodar"), (
        org("academic", "Institut togolais de recherche en biosécurité", "Lomé"),
        biz("food_feed", "medium", "Provendes du Golfe SA", "Lomé"),
    )),
    "MG": Country("fr", "southern_africa", ("Antananarivo", "Toamasina"),
                  ("Hery Rakotomalala", "Voahangy Randriamampionona", "Tiana Rasoanaivo"), (
        org("indigenous_community", "Fikambanana des gardiens des semences de l'Est", "Toamasina"),
        org("scientific_body", "Société malgache des sciences du vivant", "Antananarivo"),
    )),
    "CD": Country("fr", "central_africa", ("Kinshasa", "Lubumbashi"),
                  ("Patrick Mukendi", "Nathalie Kabongo", "Didier Ilunga"), (
        org("ngo", "Observatoire congolais de la biosécurité", "Kinshasa"),
        biz("consulting", "small", "Katanga Conseil Agro-environnement", "Lubumbashi"),
    )),
    "FR": Country("fr", "europe", ("Montpellier", "Toulouse", "Rennes", "Lyon"),
                  ("Claire Dubois", "Julien Moreau", "Sophie Lefèvre", "Antoine Girard", "Camille Rousseau"), (
        gov("municipal", 300_000, "Ville de Montpellier", "Montpellier"),
        org("academic", "Institut méridional d'études sur les biotechnologies", "Montpellier"),
        org("consumer_group", "Collectif breton des consommateurs informés", "Rennes"),
        biz("laboratory_services", "medium", "Analyses Génétiques du Rhône", "Lyon"),
        person("Chloé Martin", "Toulouse"),
    )),
    "BE": Country("fr", "europe", ("Gembloux", "Liège"),
                  ("Marc Dupont", "Isabelle Lambert", "Thomas Renard"), (
        org("scientific_body", "Cercle wallon d'évaluation des risques biologiques", "Gembloux"),
        biz("finance", "medium", "Mutuelle agricole de Liège", "Liège"),
    )),
    "TN": Country("fr", "north_africa", ("Tunis", "Sfax"),
                  ("Leïla Ben Salah", "Karim Trabelsi", "Amel Jaziri"), (
        org("academic", "Pôle de recherche en biosécurité de Sfax", "Sfax"),
        org("ngo", "Association tunisienne pour la sécurité alimentaire", "Tunis"),
    )),
    "MA": Country("fr", "north_africa", ("Rabat", "Meknès"),
                  ("Youssef El Amrani", "Salma Bennani", "Hicham Tazi"), (
        org("farmer_organization", "Coopérative céréalière du Saïs", "Meknès"),
        person("Nadia Alaoui", "Rabat"),
    )),
    # A province where French is the language of most of its actors (Canada's English actors are above).
    "CA-fr": Country("fr", "north_america", ("Montréal", "Québec", "Sherbrooke"),
                     ("Geneviève Tremblay", "Mathieu Gagnon", "Isabelle Côté", "François Bouchard"), (
        org("ngo", "Vigilance biotechnologique Québec", "Montréal"),
        gov("municipal", 175_000, "Ville de Sherbrooke", "Sherbrooke"),
        biz("food_feed", "medium", "Meunerie Laurentienne inc.", "Québec"),
    )),
    # Spanish
    "MX": Country("es", "mesoamerica", ("Oaxaca", "Guadalajara", "Mérida", "Puebla"),
                  ("Guadalupe Hernández", "Alejandro Ramírez", "Mariana López", "Jorge Castillo", "Rosa Martínez"), (
        org("indigenous_community", "Consejo de Comunidades Zapotecas por el Maíz Nativo", "Oaxaca"),
        org("academic", "Centro de Estudios en Bioseguridad del Occidente", "Guadalajara"),
        gov("municipal", 995_000, "Municipio de Mérida", "Mérida"),
        biz("food_feed", "large", "Harinas del Bajío S.A. de C.V.", "Puebla"),
        person("Itzel Cruz", "Oaxaca"),
    )),
    "CO": Country("es", "andes", ("Bogotá", "Medellín", "Palmira"),
                  ("Andrés Gómez", "Catalina Restrepo", "Felipe Rojas", "Daniela Ospina"), (
        org("academic", "Instituto de Agrobiotecnología del Valle", "Palmira"),
        org("youth_organization", "Red Juvenil Antioqueña por la Biodiversidad", "Medellín"),
        gov("metropolitan", 7_900_000, "Alcaldía Mayor de Bogotá", "Bogotá"),
        biz("laboratory_services", "small", "GenAnálisis Andino S.A.S.", "Bogotá"),
    )),
    "PE": Country("es", "andes", ("Cusco", "Lima", "Arequipa", "Huancayo"),
                  ("Ana María Quispe", "Luis Mamani", "Carmen Huamán", "Jorge Vargas"), (
        gov("provincial", 1_360_000, "Gobierno Regional del Cusco", "Cusco"),
        org("farmer_organization", "Asociación de Productores de Papa Nativa del Mantaro", "Huancayo"),
        org("ngo", "Observatorio Peruano de Bioseguridad", "Lima"),
        person("Rosa Condori", "Arequipa"),
    )),
    "AR": Country("es", "southern_cone", ("Rosario", "Córdoba", "Pergamino"),
                  ("Martín Fernández", "Lucía Gómez", "Santiago Pereyra", "Valeria Sosa"), (
        biz("trade_logistics", "large", "Terminal Granaria del Paraná S.A.", "Rosario"),
        org("scientific_body", "Sociedad Argentina de Análisis de Riesgo Agrícola", "Pergamino"),
        gov("municipal", 1_500_000, "Municipalidad de Córdoba", "Córdoba"),
    )),
    "CR": Country("es", "mesoamerica", ("San José", "Turrialba"),
                  ("Mónica Jiménez", "Esteban Solís", "Adriana Mora"), (
        org("academic", "Centro Tropical de Estudios en Bioseguridad", "Turrialba"),
        person("Laura Vargas", "San José"),
    )),
    "BO": Country("es", "andes", ("La Paz", "Cochabamba", "Santa Cruz de la Sierra"),
                  ("Wilma Choque", "Marco Antonio Rojas", "Teresa Flores"), (
        org("indigenous_community", "Federación de Comunidades Originarias del Altiplano", "La Paz"),
        biz("seeds_agriculture", "medium", "Semillas del Oriente S.R.L.", "Santa Cruz de la Sierra"),
        org("womens_group", "Asociación de Mujeres Productoras del Valle Alto", "Cochabamba"),
    )),
    "EC": Country("es", "andes", ("Quito", "Cuenca", "Guayaquil"),
                  ("Paola Andrade", "Diego Cevallos", "Verónica Salazar"), (
        gov("municipal", 2_800_000, "Municipio del Distrito Metropolitano de Quito", "Quito"),
        org("consumer_group", "Tribuna Ecuatoriana de Consumidores", "Guayaquil"),
    )),
    "CL": Country("es", "southern_cone", ("Valdivia", "Santiago", "Chillán"),
                  ("Francisca Muñoz", "Sebastián Contreras", "Javiera Soto"), (
        org("academic", "Núcleo de Investigación en Bioseguridad Austral", "Valdivia"),
        biz("seeds_agriculture", "large", "Semillas Ñuble SpA", "Chillán"),
    )),
    "ES": Country("es", "europe", ("Córdoba", "Valencia", "Zaragoza"),
                  ("Carmen Ruiz", "Javier Moreno", "Elena Navarro", "Pablo Serrano"), (
        org("scientific_body", "Asociación Ibérica de Evaluación de Riesgos Biotecnológicos", "Córdoba"),
        gov("municipal", 675_000, "Ayuntamiento de Zaragoza", "Zaragoza"),
        biz("retail", "large", "Cooperativa de Consumo Levante", "Valencia"),
    )),
    "GT": Country("es", "mesoamerica", ("Quetzaltenango", "Ciudad de Guatemala"),
                  ("Ixchel Batz", "Carlos Ajú", "María José Orellana"), (
        org("indigenous_community", "Red de Guardianes del Maíz de Occidente", "Quetzaltenango"),
        person("Rigoberto Tzul", "Ciudad de Guatemala"),
    )),
    "PY": Country("es", "southern_cone", ("Asunción", "Encarnación"),
                  ("Liz Benítez", "Hugo Giménez", "Romina Cabral"), (
        org("ngo", "Alianza Paraguaya por la Bioseguridad", "Asunción"),
        biz("trade_logistics", "medium", "Acopiadora Itapúa S.A.", "Encarnación"),
    )),
    "UY": Country("es", "southern_cone", ("Montevideo", "Paysandú"),
                  ("Florencia Rodríguez", "Gonzalo Pérez", "Soledad Acosta"), (
        gov("municipal", 1_320_000, "Intendencia de Montevideo", "Montevideo"),
        org("farmer_organization", "Cooperativa Agraria del Litoral", "Paysandú"),
    )),
    "HN": Country("es", "mesoamerica", ("Tegucigalpa", "Comayagua"),
                  ("Karla Mejía", "Óscar Zelaya", "Dania Flores"), (
        org("youth_organization", "Jóvenes Hondureños por la Naturaleza", "Tegucigalpa"),
    )),
    "CU": Country("es", "mesoamerica", ("La Habana", "Santa Clara"),
                  ("Yanet Pérez", "Ernesto Valdés", "Yusimí Rodríguez"), (
        org("scientific_body", "Sociedad Cubana de Bioseguridad Agrícola", "La Habana"),
    )),
}


def country_code(key: str) -> str:
    """The ISO code behind a COUNTRIES key ("CA-fr" is Canada's French-speaking actors)."""
    return key.split("-")[0]
