"""The codes for states and organisations in the MRZ.

ICAO Doc 9303 Part 3, section 5: the three-letter codes of ISO 3166-1
alpha-3, plus the codes ICAO itself assigns (Germany as ``D``, the British
nationality classes, the United Nations, other organisations, stateless
persons and refugees). Codes no longer assigned but still printed on old
documents are known too, and reported as such.

>>> lookup('DZA')
(True, None)
>>> lookup('D')
(True, None)
>>> lookup('XXB')[0]
True
>>> lookup('QQQ')
(False, 'unknown state code QQQ')
"""

# ISO 3166-1 alpha-3, the officially assigned codes.
ISO_3166_ALPHA3 = frozenset("""
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI
    BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN
    BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB
    CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
    FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC
    GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN
    IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN
    LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
    MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER
    NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
    PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM
    SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
    TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY
    USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split())

# Doc 9303 Part 3, 5.1 and its appendix: codes assigned by ICAO.
ICAO_CODES = {
    "D": "Germany",
    "EUE": "European Union",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "UNA": "Specialized agency of the United Nations",
    "UNK": "Resident of Kosovo (UNMIK)",
    "UNO": "United Nations Organization",
    "XBA": "African Development Bank",
    "XIM": "African Export-Import Bank",
    "XCC": "Caribbean Community",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XPO": "International Criminal Police Organization",
    "XES": "Organisation of Eastern Caribbean States",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta",
    "XDC": "Southern African Development Community",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Unspecified nationality",
}

# Printed on real documents although not (or no longer) on the ICAO list:
# accepted, with the reason given as a warning.
OTHER_CODES = {
    "UTO": "UTO is Utopia, the fictitious state of ICAO specimens",
    "RKS": "RKS is Kosovo's own code, not on the ICAO list",
    "ANT": "ANT (Netherlands Antilles) is a withdrawn code",
    "NTZ": "NTZ (Neutral Zone) is a withdrawn code",
    "ROM": "ROM is the withdrawn code of Romania (now ROU)",
    "TMP": "TMP is the withdrawn code of East Timor (now TLS)",
    "ZAR": "ZAR is the withdrawn code of Zaire (now COD)",
    "YUG": "YUG (Yugoslavia) is a withdrawn code",
    "SCG": "SCG (Serbia and Montenegro) is a withdrawn code",
    "CSK": "CSK (Czechoslovakia) is a withdrawn code",
    "BUR": "BUR is the withdrawn code of Burma (now MMR)",
}


def lookup(code: str) -> tuple[bool, str | None]:
    """Whether ``code`` (fillers already removed) is known, and a note if it is odd.

    Returns ``(known, note)``: known codes of ISO and ICAO give no note; codes
    in use but not on the list give a note; anything else is unknown.
    """
    if code in ISO_3166_ALPHA3 or code in ICAO_CODES:
        return True, None
    if code in OTHER_CODES:
        return True, OTHER_CODES[code]
    return False, f"unknown state code {code or '(empty)'}"
