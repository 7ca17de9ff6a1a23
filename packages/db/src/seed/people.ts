import { foldToAscii } from '@candor/schemas';
import type { SeededRandom } from './random.js';

/**
 * Name pools for made-up candidates, grouped by origin so a first name goes
 * with a plausible family name. Shared by the demo seed and the bulk seeder.
 */
export interface Origin {
  first: readonly string[];
  last: readonly string[];
  /** Cities people of this origin might give as their location. */
  cities: readonly string[];
  /** A mobile number pattern; each # becomes a digit. */
  phone: string;
}

/** A comma-separated list (keeps the name pools compact). */
function names(list: string): readonly string[] {
  return list.split(',').map((name) => name.trim());
}

export const ORIGINS: readonly Origin[] = [
  {
    first: names('Lukas, Anna, Jonas, Lea, Felix, Hannah, Maximilian, Sophie, Moritz, Katharina, Jörg, Lena'),
    last: names(
      'Müller, Schmidt, Schneider, Fischer, Weber, Becker, Hoffmann, Schäfer, Koch, Richter, Wolf, Neumann',
    ),
    cities: names('Berlin, Munich, Hamburg, Leipzig, Cologne'),
    phone: '+49 15# ########',
  },
  {
    first: names('João, Inês, Tiago, Beatriz, Rui, Mariana, Gonçalo, Catarina, Diogo, Sofia, Miguel, Leonor'),
    last: names(
      'Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Gonçalves, Lopes, Carvalho',
    ),
    cities: names('Lisbon, Porto, Braga, Coimbra'),
    phone: '+351 9## ### ###',
  },
  {
    first: names(
      'Javier, Lucía, Alejandro, Carmen, Pablo, Elena, Sergio, Marta, Álvaro, Paula, Andrés, Nuria',
    ),
    last: names(
      'García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Ruiz, Díaz, Moreno',
    ),
    cities: names('Madrid, Barcelona, Valencia, Seville'),
    phone: '+34 6## ## ## ##',
  },
  {
    first: names('Camille, Louis, Chloé, Hugo, Manon, Théo, Léa, Antoine, Zoé, Mathieu, Élodie, Julien'),
    last: names(
      'Martin, Bernard, Dubois, Thomas, Robert, Petit, Durand, Leroy, Moreau, Lefèvre, Girard, Fournier',
    ),
    cities: names('Paris, Lyon, Toulouse, Nantes'),
    phone: '+33 6 ## ## ## ##',
  },
  {
    first: names(
      'Giulia, Marco, Francesca, Luca, Chiara, Matteo, Sara, Alessandro, Elisa, Davide, Martina, Niccolò',
    ),
    last: names(
      'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Conti',
    ),
    cities: names('Milan, Rome, Turin, Bologna'),
    phone: '+39 3## ### ####',
  },
  {
    first: names(
      'Jakub, Zofia, Kacper, Julia, Mateusz, Maja, Łukasz, Agnieszka, Piotr, Magdalena, Tomasz, Alicja',
    ),
    last: names(
      'Nowak, Kowalski, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Mazur',
    ),
    cities: names('Warsaw, Kraków, Wrocław, Gdańsk'),
    phone: '+48 5## ### ###',
  },
  {
    first: names('Daan, Emma, Sem, Julia, Lucas, Tess, Bram, Fenna, Thijs, Sanne, Ruben, Lotte'),
    last: names(
      'de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder, Bos, Vos',
    ),
    cities: names('Amsterdam, Rotterdam, Utrecht, Eindhoven'),
    phone: '+31 6 ########',
  },
  {
    first: names('Erik, Astrid, Lars, Ingrid, Oskar, Freja, Nils, Sigrid, Mikkel, Ebba, Henrik, Saga'),
    last: names(
      'Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsen, Hansen, Nielsen, Lindqvist, Berg, Dahl, Holm',
    ),
    cities: names('Stockholm, Copenhagen, Oslo, Gothenburg'),
    phone: '+46 7# ### ## ##',
  },
  {
    first: names('Emre, Elif, Mehmet, Zeynep, Can, Ayşe, Burak, Selin, Kerem, Deniz, Mert, Ece'),
    last: names('Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, Koç, Kurt'),
    cities: names('Istanbul, Ankara, Izmir, Berlin'),
    phone: '+90 5## ### ## ##',
  },
  {
    first: names('Aarav, Priya, Rohan, Ananya, Vikram, Kavya, Arjun, Meera, Siddharth, Isha, Rahul, Divya'),
    last: names('Sharma, Patel, Iyer, Reddy, Nair, Gupta, Singh, Menon, Kulkarni, Banerjee, Rao, Desai'),
    cities: names('Bengaluru, Pune, Hyderabad, Berlin, Lisbon'),
    phone: '+91 9#### #####',
  },
  {
    first: names('Wei, Xinyi, Hao, Mei, Jun, Yu, Lei, Jing, Chen, Ling, Tao, Yan'),
    last: names('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun'),
    cities: names('Shanghai, Shenzhen, Munich, Berlin'),
    phone: '+86 13# #### ####',
  },
  {
    first: names('Haruto, Yui, Sota, Aoi, Ren, Hina, Takumi, Sakura, Kenji, Yuki, Daiki, Mio'),
    last: names(
      'Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada',
    ),
    cities: names('Tokyo, Osaka, Düsseldorf'),
    phone: '+81 90 #### ####',
  },
  {
    first: names(
      'Min-jun, Seo-yeon, Ji-ho, Ha-eun, Do-yoon, Ji-woo, Hyun-woo, Soo-ah, Jae-won, Yeon-woo, Tae-yang, Eun-ji',
    ),
    last: names('Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin'),
    cities: names('Seoul, Busan, Frankfurt'),
    phone: '+82 10 #### ####',
  },
  {
    first: names(
      'Chinedu, Amara, Oluwaseun, Ngozi, Emeka, Adaeze, Tunde, Folake, Ikenna, Chiamaka, Babajide, Yetunde',
    ),
    last: names(
      'Okafor, Adeyemi, Eze, Okonkwo, Balogun, Nwosu, Adebayo, Chukwu, Ogunleye, Obi, Afolabi, Nnamdi',
    ),
    cities: names('Lagos, Abuja, London, Berlin'),
    phone: '+234 80# ### ####',
  },
  {
    first: names(
      'Gabriel, Ana Clara, Rafael, Larissa, Thiago, Fernanda, Bruno, Camila, Vinícius, Juliana, Felipe, Letícia',
    ),
    last: names(
      'Souza, Lima, Almeida, Ribeiro, Barbosa, Araújo, Cavalcanti, Nascimento, Moura, Teixeira, Vieira, Mendes',
    ),
    cities: names('São Paulo, Rio de Janeiro, Lisbon, Porto'),
    phone: '+55 11 9####-####',
  },
  {
    first: names('Omar, Layla, Youssef, Nour, Karim, Yasmin, Tarek, Salma, Hassan, Rania, Ahmed, Mariam'),
    last: names(
      'Haddad, Mansour, Khalil, Nasser, Saleh, Farouk, Hamdan, Aziz, Rahman, Sabri, Khoury, Najjar',
    ),
    cities: names('Cairo, Amman, Dubai, Berlin'),
    phone: '+20 10 #### ####',
  },
  {
    first: names(
      'Oleksandr, Anastasiia, Dmytro, Olena, Andrii, Iryna, Serhii, Kateryna, Maksym, Yuliia, Bohdan, Daryna',
    ),
    last: names(
      'Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Oliinyk, Polishchuk, Lysenko, Marchenko, Savchenko, Rudenko',
    ),
    cities: names('Kyiv, Lviv, Kraków, Berlin'),
    phone: '+380 67 ### ## ##',
  },
  {
    first: names(
      'Giorgos, Eleni, Nikos, Maria, Dimitris, Katerina, Yannis, Despina, Kostas, Sofia, Panagiotis, Ioanna',
    ),
    last: names(
      'Papadopoulos, Pappas, Georgiou, Nikolaidis, Oikonomou, Vlachos, Alexiou, Karagiannis, Makris, Christodoulou, Dimitriou, Antoniou',
    ),
    cities: names('Athens, Thessaloniki, Munich'),
    phone: '+30 69# ### ####',
  },
  {
    first: names('Siobhán, Oliver, Aoife, Jack, Ciara, Harry, Niamh, George, Róisín, James, Emily, Conor'),
    last: names("O'Brien, Murphy, Kelly, Walsh, Byrne, Smith, Taylor, Brown, Wilson, Evans, Hughes, Clarke"),
    cities: names('Dublin, London, Manchester, Edinburgh'),
    phone: '+44 7### ######',
  },
  {
    first: names('Minh, Linh, Duc, Huong, Quang, Thao, Tuan, Mai, Hieu, Trang, Khoa, Ngoc'),
    last: names('Nguyễn, Trần, Lê, Phạm, Hoàng, Vũ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương'),
    cities: names('Hanoi, Ho Chi Minh City, Berlin, Leipzig'),
    phone: '+84 9# ### ## ##',
  },
];

/** The part of a name usable in an email local part or URL slug: `de Jong` -> `dejong`. */
export function nameSlug(name: string): string {
  return foldToAscii(name).replace(/[^a-z0-9]/g, '');
}

/** A phone number from a pattern, each # replaced by a random digit. */
export function fillPhone(random: SeededRandom, pattern: string): string {
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

export interface Person {
  first: string;
  last: string;
  name: string;
  origin: Origin;
}

export function randomPerson(random: SeededRandom): Person {
  const origin = random.pick(ORIGINS);
  const first = random.pick(origin.first);
  const last = random.pick(origin.last);
  return { first, last, name: `${first} ${last}`, origin };
}
