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

export const ORIGINS: readonly Origin[] = [
  {
    first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Hannah', 'Maximilian', 'Sophie', 'Moritz', 'Katharina', 'Jörg', 'Lena'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Wolf', 'Neumann'],
    cities: ['Berlin', 'Munich', 'Hamburg', 'Leipzig', 'Cologne'],
    phone: '+49 15# ########',
  },
  {
    first: ['João', 'Inês', 'Tiago', 'Beatriz', 'Rui', 'Mariana', 'Gonçalo', 'Catarina', 'Diogo', 'Sofia', 'Miguel', 'Leonor'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Gonçalves', 'Lopes', 'Carvalho'],
    cities: ['Lisbon', 'Porto', 'Braga', 'Coimbra'],
    phone: '+351 9## ### ###',
  },
  {
    first: ['Javier', 'Lucía', 'Alejandro', 'Carmen', 'Pablo', 'Elena', 'Sergio', 'Marta', 'Álvaro', 'Paula', 'Andrés', 'Nuria'],
    last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno'],
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville'],
    phone: '+34 6## ## ## ##',
  },
  {
    first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Théo', 'Léa', 'Antoine', 'Zoé', 'Mathieu', 'Élodie', 'Julien'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fournier'],
    cities: ['Paris', 'Lyon', 'Toulouse', 'Nantes'],
    phone: '+33 6 ## ## ## ##',
  },
  {
    first: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Alessandro', 'Elisa', 'Davide', 'Martina', 'Niccolò'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Conti'],
    cities: ['Milan', 'Rome', 'Turin', 'Bologna'],
    phone: '+39 3## ### ####',
  },
  {
    first: ['Jakub', 'Zofia', 'Kacper', 'Julia', 'Mateusz', 'Maja', 'Łukasz', 'Agnieszka', 'Piotr', 'Magdalena', 'Tomasz', 'Alicja'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Mazur'],
    cities: ['Warsaw', 'Kraków', 'Wrocław', 'Gdańsk'],
    phone: '+48 5## ### ###',
  },
  {
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Tess', 'Bram', 'Fenna', 'Thijs', 'Sanne', 'Ruben', 'Lotte'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos'],
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'],
    phone: '+31 6 ########',
  },
  {
    first: ['Erik', 'Astrid', 'Lars', 'Ingrid', 'Oskar', 'Freja', 'Nils', 'Sigrid', 'Mikkel', 'Ebba', 'Henrik', 'Saga'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Hansen', 'Nielsen', 'Lindqvist', 'Berg', 'Dahl', 'Holm'],
    cities: ['Stockholm', 'Copenhagen', 'Oslo', 'Gothenburg'],
    phone: '+46 7# ### ## ##',
  },
  {
    first: ['Emre', 'Elif', 'Mehmet', 'Zeynep', 'Can', 'Ayşe', 'Burak', 'Selin', 'Kerem', 'Deniz', 'Mert', 'Ece'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç', 'Kurt'],
    cities: ['Istanbul', 'Ankara', 'Izmir', 'Berlin'],
    phone: '+90 5## ### ## ##',
  },
  {
    first: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya', 'Arjun', 'Meera', 'Siddharth', 'Isha', 'Rahul', 'Divya'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Menon', 'Kulkarni', 'Banerjee', 'Rao', 'Desai'],
    cities: ['Bengaluru', 'Pune', 'Hyderabad', 'Berlin', 'Lisbon'],
    phone: '+91 9#### #####',
  },
  {
    first: ['Wei', 'Xinyi', 'Hao', 'Mei', 'Jun', 'Yu', 'Lei', 'Jing', 'Chen', 'Ling', 'Tao', 'Yan'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
    cities: ['Shanghai', 'Shenzhen', 'Munich', 'Berlin'],
    phone: '+86 13# #### ####',
  },
  {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Takumi', 'Sakura', 'Kenji', 'Yuki', 'Daiki', 'Mio'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'],
    cities: ['Tokyo', 'Osaka', 'Düsseldorf'],
    phone: '+81 90 #### ####',
  },
  {
    first: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yoon', 'Ji-woo', 'Hyun-woo', 'Soo-ah', 'Jae-won', 'Yeon-woo', 'Tae-yang', 'Eun-ji'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
    cities: ['Seoul', 'Busan', 'Frankfurt'],
    phone: '+82 10 #### ####',
  },
  {
    first: ['Chinedu', 'Amara', 'Oluwaseun', 'Ngozi', 'Emeka', 'Adaeze', 'Tunde', 'Folake', 'Ikenna', 'Chiamaka', 'Babajide', 'Yetunde'],
    last: ['Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Balogun', 'Nwosu', 'Adebayo', 'Chukwu', 'Ogunleye', 'Obi', 'Afolabi', 'Nnamdi'],
    cities: ['Lagos', 'Abuja', 'London', 'Berlin'],
    phone: '+234 80# ### ####',
  },
  {
    first: ['Gabriel', 'Ana Clara', 'Rafael', 'Larissa', 'Thiago', 'Fernanda', 'Bruno', 'Camila', 'Vinícius', 'Juliana', 'Felipe', 'Letícia'],
    last: ['Souza', 'Lima', 'Almeida', 'Ribeiro', 'Barbosa', 'Araújo', 'Cavalcanti', 'Nascimento', 'Moura', 'Teixeira', 'Vieira', 'Mendes'],
    cities: ['São Paulo', 'Rio de Janeiro', 'Lisbon', 'Porto'],
    phone: '+55 11 9####-####',
  },
  {
    first: ['Omar', 'Layla', 'Youssef', 'Nour', 'Karim', 'Yasmin', 'Tarek', 'Salma', 'Hassan', 'Rania', 'Ahmed', 'Mariam'],
    last: ['Haddad', 'Mansour', 'Khalil', 'Nasser', 'Saleh', 'Farouk', 'Hamdan', 'Aziz', 'Rahman', 'Sabri', 'Khoury', 'Najjar'],
    cities: ['Cairo', 'Amman', 'Dubai', 'Berlin'],
    phone: '+20 10 #### ####',
  },
  {
    first: ['Oleksandr', 'Anastasiia', 'Dmytro', 'Olena', 'Andrii', 'Iryna', 'Serhii', 'Kateryna', 'Maksym', 'Yuliia', 'Bohdan', 'Daryna'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Oliinyk', 'Polishchuk', 'Lysenko', 'Marchenko', 'Savchenko', 'Rudenko'],
    cities: ['Kyiv', 'Lviv', 'Kraków', 'Berlin'],
    phone: '+380 67 ### ## ##',
  },
  {
    first: ['Giorgos', 'Eleni', 'Nikos', 'Maria', 'Dimitris', 'Katerina', 'Yannis', 'Despina', 'Kostas', 'Sofia', 'Panagiotis', 'Ioanna'],
    last: ['Papadopoulos', 'Pappas', 'Georgiou', 'Nikolaidis', 'Oikonomou', 'Vlachos', 'Alexiou', 'Karagiannis', 'Makris', 'Christodoulou', 'Dimitriou', 'Antoniou'],
    cities: ['Athens', 'Thessaloniki', 'Munich'],
    phone: '+30 69# ### ####',
  },
  {
    first: ['Siobhán', 'Oliver', 'Aoife', 'Jack', 'Ciara', 'Harry', 'Niamh', 'George', 'Róisín', 'James', 'Emily', 'Conor'],
    last: ["O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Smith', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Hughes', 'Clarke'],
    cities: ['Dublin', 'London', 'Manchester', 'Edinburgh'],
    phone: '+44 7### ######',
  },
  {
    first: ['Minh', 'Linh', 'Duc', 'Huong', 'Quang', 'Thao', 'Tuan', 'Mai', 'Hieu', 'Trang', 'Khoa', 'Ngoc'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'],
    cities: ['Hanoi', 'Ho Chi Minh City', 'Berlin', 'Leipzig'],
    phone: '+84 9# ### ## ##',
  },
];

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/** Lowercase ASCII: diacritics stripped, special letters spelled out. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœıþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/**
 * The candidate's name key for duplicate detection: lowercase tokens without
 * diacritics, sorted, so "José Álvarez" and "Alvarez Jose" match.
 */
export function candidateNameKey(name: string): string {
  return foldToAscii(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

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
