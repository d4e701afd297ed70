"""Regenerate ``casuistry/services/anonymisation/data/names_world.txt`` (one-off, offline).

deduce's name lists are Dutch. Case notes name people of every origin, so we add first names
and surnames from the person providers of ``Faker`` (MIT licence; already installed as a
dependency of factory-boy, but not used at run time: the generated file is shipped). Cyrillic
names are transliterated (Bulgarian/Russian/Ukrainian/Macedonian to Latin, as Dutch papers
write them: "Петков" -> "Petkov"). A curated list below adds origins Faker lacks (Eritrean,
Somali, Afghan, Syrian, Moroccan, Turkish surnames, Surinamese, Antillean, Chinese).

Dropped: names of fewer than three letters, names that are ordinary Dutch words
(``data/common_words.txt``), countries and protected terms, and anything not in Latin script.

    python tests/casuistry/anonymisation/build_name_lists.py
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from pathlib import Path

import regex as re

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "casuistry" / "services" / "anonymisation" / "data"
OUT = DATA / "names_world.txt"

LOCALES = """tr_TR pl_PL ro_RO bg_BG ru_RU uk_UA mk_MK cs_CZ sk_SK hr_HR sl_SI hu_HU lt_LT lv_LV
et_EE fr_DZ en_NG yo_NG ig_NG ha_NG tw_GH en_KE sw zu_ZA en_IN en_PK az_AZ uz_UZ vi_VN id_ID
es_ES es_MX pt_BR pt_PT it_IT fr_FR de_DE el_GR""".split()

CYRILLIC = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъьюяыэёєіїґѓќљњџјѕ",
        ("a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a  yu ya y e yo ye i yi g g k lj nj dz j dz").split(
            " "
        ),
        strict=False,
    )
)

# Curated: common names of origins Faker does not cover (first names "F", surnames "S").
CURATED_FIRST = """
Abrehet Adiam Aklilu Almaz Amanuel Aron Aster Awet Azeb Berhane Biniam Bereket Daniel Dawit Eden
Elsa Ermias Eyob Feven Filmon Fikre Freweini Ghebre Goitom Habtom Hagos Hanna Helen Hiwet Kibrom
Kidane Lemlem Luwam Mebrahtu Mebrat Mehari Merhawi Meron Mihret Mussie Natnael Nebiat Rahel Robel
Ruta Saba Segen Selam Selamawit Semere Semhar Senait Senayt Sirak Tedros Tekle Tesfalem Tesfay
Tewelde Tigist Tsega Tsegay Weldu Winta Yemane Yohannes Yonas Yordanos Yosief Zerai Zewdi
Abdi Abdirahman Abdullahi Amina Anab Asha Ayaan Bashir Cawo Dahir Deeqa Faduma Farah Fartun Guled
Hamdi Hibo Hodan Idil Ifrah Ilhan Jama Khadar Ladan Maryan Mohamud Muse Nimco Qali Sagal Sahra
Samatar Shukri Sucaad Ubah Warsame Xamdi Yusuf Hirsi Ismail Osman
Ahmad Farida Farhad Fereshta Habib Hamid Jawad Khalid Laila Masood Mina Mirwais Mursal Najib
Nasir Nilofar Omid Parwana Rahmat Sayed Sediqa Shabnam Shafiq Soraya Tamim Wahid Zahir Zahra
Zarmina Zabihullah Hasib Sohail Wais Fawad Nazanin Shirin Shokria Fatemeh Mahsa Reza
Abdulrahman Ahlam Alaa Amal Amjad Anas Bashar Bilal Dima Fadi Ghaith Hala Hamza Haya Hussam Iyad
Jana Joud Kinan Lama Lina Majd Mazen Mohannad Muhannad Nadia Nour Obada Qusai Rama Rana Razan Riham
Rima Saeed Samer Shadi Tarek Tareq Wael Yamen Zaid Zein Ziad
Abdelhak Abdelilah Abdellah Achraf Adil Anouar Ayoub Badr Bouchra Chaimae Driss Fouad Hafsa Hajar
Hanane Hicham Houda Ikram Ilham Imane Jamal Karim Khadija Latifa Loubna Malika Meryem Mimoun Mohcine
Mustapha Nabil Naima Nordin Nourdin Omar Oussama Rachid Redouan Redouane Saida Salma Samira Siham
Soufiane Tarik Wafae Yassine Yousra Zakaria Zineb Zohra
Anand Ashwin Chandra Dinesh Girish Jairam Kavita Kiran Mahesh Mala Nirmala Nisha Pravin Radj
Rakesh Ramesh Reshma Ritesh Roshni Sangeeta Sanjay Sarita Shanti Sharmila Sunil Sunita Usha Vishnu
Jerrel Jurgen Ruben Shurandy Xaviera Gregory Rignald Jurandy Sherida Shaquille Giovanni Rudsel
Kwame Kwabena Kofi Kojo Kwaku Yaw Yaa Akosua Adwoa Abena Afua Ama Efua Esi Chinedu Chinonso
Chukwuemeka Emeka Ngozi Nkechi Obinna Oluwaseun Olumide Tunde Funmilayo Adebayo Folake Yetunde
Wei Li Na Ling Mei Hui Jun Jie Ming Xiao Xiaomei Xiaoling Yan Ying Yu Zhen Zhi Zhiwei Hao Lei
""".split()
CURATED_SUR = """
Tesfamariam Ghebremedhin Gebremariam Weldemichael Woldegiorgis Tekie Tesfaye Kahsay Berhe Habte
Asmerom Ghirmay Andemariam Araya Bahta Fesseha Ghebrehiwet Gebrekidan Measho Negash Okbazghi Russom
Sebhatu Tewolde Teklehaimanot Woldu Zerezghi Zeray Hagos Kidane Mehari Haile Yohannes Tekle Ghebre
Warsame Abdi Abdullahi Hirsi Jama Farah Mohamud Egal Samatar Dahir Guled Aden Adan Elmi Nur Duale
Haidari Hakimi Karimi Rahimi Sultani Hashimi Hussaini Jafari Mohammadi Noori Popal Rezai Sadiqi Safi
Stanikzai Wardak Yousufzai Ahmadzai Amiri Azizi Habibi Nazari Rasuli Sharifi Akbari Hosseini Rahmani
Alhasan Alhassan Al-Hassan Alahmad Al-Ahmad Alali Al-Ali Alkhatib Hamoud Haddad Khalil Mansour
Nasser Qasim Saleh Suleiman Yousef Zein Sabbagh Darwish Khoury Hamdan Kassem Issa Othman Shaker
Aboutaleb Achahbar Alaoui Azough Azzouzi Bakkali Belhaj Benali Benhaddou Bennani Berrada Bouali
Bouhali Boukhari Boulahrouz Boussaid Bouzid Chaouch Cherkaoui Elamrani Essaadi Haddouchi Idrissi
Lahlou Marzouki Ouahabi Ouali Tahiri Tazi Ziani Hamdaoui Mokhtari Khattabi Yousfi Ouazzani Amrani
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
Kara Koç Kurt Özkan Şimşek Polat Özer Erdoğan Güneş Aksoy Acar Bulut Tekin Karaca Keskin Güler
Korkmaz Demirci Aydemir Aydoğan Kaplan Yavuz Turan Bozkurt Ateş Toprak Sarı Ünal Uysal Güven Işık
Kocabaş Altun Sönmez Çakır Eren Coşkun Ekinci Karakaya Tunç Baysal Duman Avcı Kahraman Yilmaz Sahin
Celik Yildiz Yildirim Ozturk Aydin Ozdemir Dogan Kilic Cetin Koc Ozkan Simsek Ozer Erdogan Gunes
Ramdin Ramlal Mangal Biharie Sewdien Kromodikoro Wongsodikromo Amatsaleh Jagesar Ramcharan Ramsaran
Kalloe Soekhoe Bhagwandin Jadnanansing Ramautar Mahabier Chotkan Baldewsingh Sital Badloe Ganga
Tjon-A-Fat Tjon Fong Sedney Pinas Lie Chin Kortram Doelwijt Esajas Fränkel Wijngaarde Zaandam
Martina Martis Rosaria Isenia Winklaar Janga Cijntje Koeiman Statie Felida Maduro Croes
Asante Mensah Owusu Boateng Osei Agyeman Appiah Adjei Ofori Darko Amoah Antwi Bonsu Opoku Sarpong
Okafor Okonkwo Eze Nwosu Adeyemi Ogunleye Balogun Okeke Ibrahim Abubakar Bello Danjuma Chukwu
Chen Wang Zhang Liu Yang Huang Zhao Zhou Wu Xu Sun Zhu Ma Hu Guo Lin He Gao Luo Zheng Liang Xie
Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu
Nguyen Tran Pham Hoang Phan Dang Bui Ngo Duong Truong
Petkov Dimitrov Ivanov Georgiev Stoyanov Todorov Nikolov Iliev Angelov Popov Kolev Yordanov
Petrov Hristov Marinov Atanasov Popescu Ionescu Dumitrescu Stan Munteanu Constantin Gheorghe
Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski
Pawłowski Michalski Nowicki Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski
Jaworski Wróbel Malinowski Pawlak Witkowski Walczak Stępień Górski Rutkowski Michalak Sikora
Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Wróblewski Zalewski Jakubowski
Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk Borkowski Czarnecki Sawicki Sokołowski
Urbański Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski Lis Mazurek Wysocki Adamski
Kaźmierczak Wasilewski Sobczak Czerwiński Andrzejewski Cieślak Głowacki Zakrzewski Kołodziej
Wojcik Zielinski Kaminski Wisniewski Wozniak Dabrowski Kozlowski Szymanski Zajac Krol
""".split()


def translit(name: str) -> str:
    if not re.search(r"\p{Cyrillic}", name):
        return name
    out = []
    for ch in name:
        low = ch.lower()
        lat = CYRILLIC.get(low, ch)
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


def ascii_variant(name: str) -> str:
    """ "Ionuț" -> "Ionut", "Łukasz" -> "Lukasz": the form a system without diacritics writes."""
    name = name.translate(str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "İ": "I", "ø": "o", "đ": "d", "ß": "ss"}))
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def faker_names() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    sur: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr, target in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("last_names", sur),
            ("last_names_male", sur),
            ("last_names_female", sur),
        ):
            values = getattr(provider, attr, None) or ()
            for value in values.keys() if isinstance(values, dict) else values:
                target.add(unicodedata.normalize("NFC", translit(value)))
    return first, sur


def main() -> None:
    common = {line.strip() for line in (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()}
    blocked = set()
    for fname in ("countries.txt", "protected_terms.txt"):
        blocked |= {
            line.strip().lower()
            for line in (DATA / fname).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
    first, sur = faker_names()
    first |= set(CURATED_FIRST)
    sur |= set(CURATED_SUR)
    first |= {ascii_variant(n) for n in first}
    sur |= {ascii_variant(n) for n in sur}
    latin = re.compile(r"^\p{Lu}[\p{Latin}'’-]*\p{Ll}[\p{Latin}'’-]*$")

    def keep(name: str) -> bool:
        return (
            len(name) >= 3
            and " " not in name
            and latin.match(name) is not None
            and name.lower() not in common
            and name.lower() not in blocked
        )

    lines = [f"F {n}" for n in sorted(filter(keep, first))] + [f"S {n}" for n in sorted(filter(keep, sur))]
    header = (
        "# First names (F) and surnames (S) of many origins, added to deduce's Dutch lists.\n"
        "# Generated by tests/casuistry/anonymisation/build_name_lists.py from the person providers\n"
        "# of Faker (MIT licence; Cyrillic transliterated) and a curated list in that script;\n"
        "# ordinary Dutch words, countries and protected terms are left out.\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    n_first = sum(1 for x in lines if x[0] == "F")
    print(f"{n_first} first names, {len(lines) - n_first} surnames -> {OUT}")


if __name__ == "__main__":
    sys.exit(main())
