"""Country and capital names: general world knowledge, not tied to any corpus.

Used where a bare proper name must be told apart from a person's name: a country or
its capital as a speaker ("Russia said", "Washington insists") stands for its
government, an organisation, not a person; in a list of speakers ("A, B and C
agreed") a country is a full member of the list. Lower-case, without a leading
"the"; multi-word names are written with single spaces.
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip().lower() for n in text.split(";") if n.strip())


#: Sovereign states (UN members and observers) and the short forms the news uses.
COUNTRIES: frozenset[str] = _names(
    """
    afghanistan; albania; algeria; andorra; angola; antigua and barbuda; argentina;
    armenia; australia; austria; azerbaijan; bahamas; bahrain; bangladesh; barbados;
    belarus; belgium; belize; benin; bhutan; bolivia; bosnia and herzegovina; bosnia;
    botswana; brazil; brunei; bulgaria; burkina faso; burundi; cabo verde; cape verde;
    cambodia; cameroon; canada; central african republic; chile; china; colombia;
    comoros; congo; costa rica; cote d'ivoire; ivory coast; croatia; cuba; cyprus;
    czech republic; czechia; denmark; djibouti; dominica; dominican republic; ecuador;
    egypt; el salvador; equatorial guinea; eritrea; estonia; eswatini; ethiopia; fiji;
    finland; france; gabon; gambia; germany; ghana; greece; grenada; guatemala;
    guinea; guinea-bissau; guyana; haiti; honduras; hungary; iceland; india; indonesia;
    iran; iraq; ireland; israel; italy; jamaica; japan; jordan; kazakhstan; kenya;
    kiribati; kuwait; kyrgyzstan; laos; latvia; lebanon; lesotho; liberia; libya;
    liechtenstein; lithuania; luxembourg; madagascar; malawi; malaysia; maldives; mali;
    malta; marshall islands; mauritania; mauritius; mexico; micronesia; moldova; monaco;
    mongolia; montenegro; morocco; mozambique; myanmar; burma; namibia; nauru; nepal;
    netherlands; holland; new zealand; nicaragua; niger; nigeria; north korea;
    north macedonia; macedonia; norway; oman; pakistan; palau; palestine; panama;
    papua new guinea; paraguay; peru; philippines; poland; portugal; qatar; romania;
    russia; russian federation; rwanda; saint kitts and nevis; saint lucia;
    saint vincent and the grenadines; samoa; san marino; sao tome and principe;
    saudi arabia; senegal; serbia; seychelles; sierra leone; singapore; slovakia;
    slovenia; solomon islands; somalia; south africa; south korea; korea; south sudan;
    spain; sri lanka; sudan; suriname; sweden; switzerland; syria; tajikistan; tanzania;
    thailand; timor-leste; east timor; togo; tonga; trinidad and tobago; tunisia;
    turkey; turkiye; turkmenistan; tuvalu; uganda; ukraine; united arab emirates; uae;
    united kingdom; uk; u.k.; britain; great britain; united states; united states of america;
    us; u.s.; usa; u.s.a.; america; uruguay; uzbekistan; vanuatu; vatican; venezuela;
    vietnam; yemen; zambia; zimbabwe; taiwan; kosovo
    """
)

#: Capital cities (and seats of government) that stand for their government.
CAPITALS: frozenset[str] = _names(
    """
    kabul; tirana; algiers; luanda; buenos aires; yerevan; canberra; vienna; baku;
    manama; dhaka; minsk; brussels; sarajevo; brasilia; sofia; phnom penh; ottawa;
    santiago; beijing; bogota; havana; nicosia; prague; copenhagen; cairo; addis ababa;
    helsinki; paris; tbilisi; berlin; accra; athens; budapest; reykjavik; new delhi;
    jakarta; tehran; baghdad; dublin; jerusalem; tel aviv; rome; tokyo; amman;
    nairobi; kuwait city; bishkek; beirut; tripoli; vilnius; riga;
    kuala lumpur; mexico city; chisinau; ulaanbaatar; podgorica; rabat; kathmandu;
    the hague; amsterdam; wellington; abuja; pyongyang; skopje; oslo; muscat; islamabad;
    ramallah; lima; manila; warsaw; lisbon; doha; bucharest; moscow; kigali; riyadh;
    dakar; belgrade; singapore; bratislava; ljubljana; mogadishu; pretoria; seoul;
    madrid; colombo; khartoum; stockholm; bern; damascus; dushanbe; bangkok; tunis;
    ankara; ashgabat; kampala; kiev; kyiv; abu dhabi; london; washington; montevideo;
    tashkent; caracas; hanoi; sanaa; lusaka; harare; taipei; pristina; tallinn; quito;
    luxembourg; valletta; naypyidaw; windhoek; managua; niamey; asuncion
    """
)

#: Both tables together: a name that stands for a state and its government.
STATES: frozenset[str] = COUNTRIES | CAPITALS
