"""The usual Latin spelling of common Arabic names and name elements.

Arabic script leaves out the short vowels, so the letters alone cannot tell
محمد (MOHAMED) from محمود (MAHMOUD) or أحمد (AHMED) from حامد (HAMID); the
spelling a passport prints for such a name is a matter of usage. This table
gives one usual spelling for each; the folding rules of
:mod:`borderdesk.watchlist.names` then bring the other spellings to it
(MOHAMMED, MUHAMMAD → the same folded form).

Entries are written without hamza variants: :data:`ARABIC_NAMES` adds the
forms with أ / إ / آ for a leading ا, and ه for a final ة.

Sources: the given names most given in Algeria, Morocco, Tunisia, Libya,
Egypt and the Levant, and the family names built from them.
"""

from __future__ import annotations

_NAMES = """
محمد MOHAMED
محمود MAHMOUD
احمد AHMED
حامد HAMID
حميد HAMID
حمد HAMAD
حمدي HAMDI
حمادي HAMADI
محمدي MOHAMEDI
امين AMINE
امينة AMINA
امينه AMINA
علي ALI
عليا ALIA
عمر OMAR
عثمان OTHMANE
عمار AMAR
عامر AMER
يوسف YOUSSEF
يونس YOUNES
ابراهيم IBRAHIM
اسماعيل ISMAIL
اسحاق ISHAK
يعقوب YACOUB
موسى MOUSSA
عيسى AISSA
ادريس IDRISS
الياس ILYAS
خالد KHALED
خليل KHALIL
خليفة KHALIFA
كريم KARIM
كريمة KARIMA
رشيد RACHID
رشيدة RACHIDA
سعيد SAID
سعيدة SAIDA
سعد SAAD
سعدي SAADI
سعاد SOUAD
سالم SALEM
سليم SALIM
سليمان SLIMANE
سلمى SALMA
سلمان SALMAN
مصطفى MUSTAPHA
مراد MOURAD
منير MOUNIR
منصور MANSOUR
مالك MALIK
مليكة MALIKA
مريم MERIEM
نادية NADIA
نبيل NABIL
نور NOUR
نورة NOURA
نصر NASR
ناصر NACER
نصير NACIR
نذير NADIR
ناجي NADJI
هشام HICHEM
حسن HASSAN
حسين HOUSSEIN
حسان HASSANE
حسني HOSNI
حسيني HOUSSEINI
حكيم HAKIM
حليمة HALIMA
حفيظ HAFID
حبيب HABIB
حمزة HAMZA
حياة HAYAT
فاطمة FATIMA
فاطيمة FATIMA
فتيحة FATIHA
فريد FARID
فريدة FARIDA
فيصل FAYCAL
فؤاد FOUAD
فوزي FAOUZI
فوزية FAOUZIA
زهرة ZAHRA
زهراء ZAHRA
زينب ZINEB
زكريا ZAKARIA
زكية ZAKIA
زين ZINE
جمال DJAMEL
جميلة DJAMILA
جلال DJALAL
جعفر DJAFAR
جابر DJABER
جيلالي DJILALI
بلقاسم BELKACEM
بوعلام BOUALEM
بومدين BOUMEDIENE
بوزيد BOUZID
بشير BACHIR
بكر BAKR
بلال BILAL
توفيق TOUFIK
طارق TAREK
طاهر TAHAR
طه TAHA
شريف CHERIF
شكري CHOUKRI
صالح SALAH
صلاح SALAH
صابر SABER
صبري SABRI
صفية SAFIA
ضياء DIA
عادل ADEL
عبيد OBEID
عزيز AZIZ
عزيزة AZIZA
عائشة AICHA
عايدة AIDA
عماد IMAD
عصام ISSAM
عفاف AFAF
عيشة AICHA
غالي GHALI
قادر KADER
القادر KADER
قاسم KACEM
كمال KAMEL
لطفي LOTFI
لخضر LAKHDAR
ليلى LEILA
ليلة LEILA
مهدي MEHDI
مختار MOKHTAR
مبارك MOUBARAK
مسعود MESSAOUD
معاذ MOAD
نسرين NESRINE
وليد WALID
وفاء WAFA
وهيبة WAHIBA
ياسين YACINE
ياسمين YASMINE
يحيى YAHIA
رحمن RAHMANE
الرحمن RAHMANE
رحيم RAHIM
رزاق RAZAK
الرزاق RAZAK
رؤوف RAOUF
رضا REDA
رياض RIAD
ربيع RABIE
رفيق RAFIK
سمير SAMIR
سميرة SAMIRA
سفيان SOFIANE
سهيلة SOUHILA
شمس CHAMS
عزالدين EZZEDINE
نورالدين NOUREDDINE
الدين DINE
دين DINE
حق HAK
الحق HAK
لطيف LATIF
اللطيف LATIF
مجيد MADJID
المجيد MADJID
قدوس KADDOUS
العزيز AZIZ
الكريم KARIM
الحميد HAMID
الحكيم HAKIM
الحليم HALIM
حليم HALIM
الرحيم RAHIM
الغني GHANI
غني GHANI
الباسط BASSET
باسط BASSET
السلام SALAM
سلام SALAM
الواحد WAHID
واحد WAHID
الوهاب WAHAB
وهاب WAHAB
الجبار DJABAR
جبار DJABAR
الفتاح FETTAH
فتاح FETTAH
المالك MALEK
الملك MALEK
المنعم MOUNAIM
منعم MOUNAIM
الصمد SAMAD
صمد SAMAD
الناصر NACER
النور NOUR
الهادي HADI
هادي HADI
الحسن HASSAN
الحسين HOUSSEIN
الحسيني HOUSSEINI
الشريف CHERIF
الطاهر TAHAR
العربي LARBI
عربي ARBI
الهاشمي HACHEMI
هاشمي HACHEMI
هاشم HACHEM
بن BEN
بنت BENT
ابن BEN
ولد OULD
ايت AIT
الله ALLAH
عبدالله ABDALLAH
عبد ABD
ابو ABOU
بو BOU
مولاي MOULAY
سيدي SIDI
لالة LALLA
تونسي TOUNSI
جزائري DJAZAIRI
مغربي MAGHRIBI
مصري MASRI
"""


# Usual spellings of two names (above) that passports also print for one another:
# for these, the Latin letters cannot tell the names apart.
_SHARED = """
MALIK MALEK
NACER NACIR
"""
SHARED_SPELLINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split()) for line in _SHARED.split("\n") if line.strip())


def _expand(names: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in names.split("\n"):
        parts = line.split()
        if len(parts) != 2 or not parts[1].isascii() or not parts[1].isupper():
            continue
        arabic, latin = parts
        forms = {arabic}
        if arabic.startswith("ا"):
            forms |= {"أ" + arabic[1:], "إ" + arabic[1:], "آ" + arabic[1:]}
        for form in list(forms):
            if form.endswith("ة"):
                forms.add(form[:-1] + "ه")
            if form.endswith("ي"):
                forms.add(form[:-1] + "ى")
        for form in forms:
            table.setdefault(form, latin)
    return table


ARABIC_NAMES: dict[str, str] = _expand(_NAMES)
