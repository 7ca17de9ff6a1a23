import {
  DEFAULT_HIRING_SETTINGS,
  nameKey,
  phoneKey,
  type TApplicationSource,
  type THiringSettings,
  type THiringTeamRole,
  type TJobQuestion,
  type TJobStatus,
  type TProfileSection,
} from '@candor/schemas';
import type { InferEntity } from '@mikro-orm/core';
import type { TStoredAnswer } from '../entities/index.js';
import {
  Application,
  ApplicationNote,
  ApplicationTag,
  Candidate,
  HiringTeamMember,
  Job,
  JobStage,
  StageChange,
  Tenant,
  User,
} from '../entities/index.js';
import type { Em } from '../orm.js';
import { HIRED_STEP, OFFER_STEP, type Outcome, planHistory } from './demo-history.js';
import { fillPhone, nameSlug, type Origin, randomPerson } from './people.js';
import { SeededRandom } from './random.js';

/**
 * Realistic hiring data for the demo tenant: jobs with pipelines, candidates,
 * applications in every state with a consistent stage history, tags and notes.
 * Content comes from a seeded generator, so every run produces the same data
 * (ids and dates are relative to now). Everything is built in memory and
 * written with one flush.
 */

const SEED = 20_261_123;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_HIRING_SETTINGS: THiringSettings = {
  ...DEFAULT_HIRING_SETTINGS,
  departments: ['Engineering', 'Operations', 'Sales', 'People', 'Design'],
};

/** The two planted pairs of possible duplicates (all other candidates differ in phone and name). */
export const DEMO_DUPLICATE_PAIRS = {
  samePhone: ['dmytro.bondarenko@example.com', 'dima.b@example.net'],
  sameName: ['jose.alvarez@example.com', 'j.alvarez@example.org'],
} as const;

/** Candidates of the last two months (the live pipeline); the earlier months add about 170 more. */
export const DEMO_CANDIDATE_COUNT = 60;
/** A job that was open most of last year and closed three months ago. */
export const DEMO_LONG_CLOSED_JOB = 'Field Service Technician';
/** Room for the earlier months' candidates (one application each). */
const HISTORY_PEOPLE = 180;
/** How many candidates apply to a second job (the others apply to one). */
const SECOND_APPLICATIONS = 20;

type JobRow = InferEntity<typeof Job>;
type StageRow = InferEntity<typeof JobStage>;
type UserRow = InferEntity<typeof User>;
type CandidateRow = InferEntity<typeof Candidate>;
type Question = TJobQuestion & { id: string };

const QUESTIONS = {
  workPermit: {
    label: 'Do you have the right to work in the EU?',
    kind: 'yes_no',
    required: true,
    options: [],
    knockoutAnswer: 'no',
  },
  notice: {
    label: 'What is your notice period?',
    kind: 'short_text',
    required: false,
    options: [],
    knockoutAnswer: null,
  },
  salary: {
    label: 'What are your salary expectations (EUR per year, gross)?',
    kind: 'short_text',
    required: true,
    options: [],
    knockoutAnswer: null,
  },
  portfolio: {
    label: 'Link to your GitHub, GitLab or portfolio',
    kind: 'short_text',
    required: false,
    options: [],
    knockoutAnswer: null,
  },
  shifts: {
    label: 'Which shifts can you work?',
    kind: 'single_choice',
    required: true,
    options: ['Early (6:00-14:30)', 'Late (14:00-22:30)', 'Either'],
    knockoutAnswer: null,
  },
  forklift: {
    label: 'Do you hold a forklift licence?',
    kind: 'yes_no',
    required: false,
    options: [],
    knockoutAnswer: null,
  },
  german: {
    label: 'How well do you speak German?',
    kind: 'single_choice',
    required: true,
    options: ['Basic', 'Conversational', 'Business fluent', 'Native'],
    knockoutAnswer: 'Basic',
  },
} satisfies Record<string, TJobQuestion>;

interface JobSpec {
  title: string;
  department: string;
  city: string | null;
  country: string | null;
  workplace: 'onsite' | 'hybrid' | 'remote';
  employmentType: 'full_time' | 'part_time' | 'contract';
  salary: [number, number] | null;
  status: Extract<TJobStatus, 'open' | 'draft' | 'closed'>;
  /** Days since the job opened (all open jobs opened before the oldest application). */
  openedDaysAgo: number | null;
  closedDaysAgo?: number;
  /** manager@acme.example is on the hiring team (hiring managers see only these jobs). */
  withManager: boolean;
  /** Stages in which the hiring manager reviews applications blind (without the candidate's identity). */
  blindStages?: string[];
  /** Relative share of the applications of the last two months. */
  weight: number;
  /** Relative share of the earlier applications (while the job was open). */
  historyWeight: number;
  intro: string[];
  duties: string[];
  requirements: string[];
  niceToHave: string[];
  criteria: Array<[string, string]>;
  questions: TJobQuestion[];
  /** Profile sections the apply form asks for (docs/candidate-profile.md). */
  profileSections?: TProfileSection[];
  tags: string[];
}

const JOBS: JobSpec[] = [
  {
    title: 'Senior Robotics Software Engineer',
    department: 'Engineering',
    city: 'Berlin',
    country: 'DE',
    workplace: 'hybrid',
    employmentType: 'full_time',
    salary: [75_000, 95_000],
    status: 'open',
    openedDaysAgo: 172,
    withManager: true,
    weight: 16,
    historyWeight: 16,
    intro: [
      'Our robots move 40,000 parcels a day through warehouses across Europe, and they have to do it next to people. You will work on the navigation and fleet software that makes this safe and boring, in the best sense of the word.',
      'You will join the Autonomy team of seven engineers in Berlin, working closely with hardware, operations and our customers on site.',
    ],
    duties: [
      'Design and build motion planning and localisation features in C++ and Python on ROS 2',
      'Own features end to end: from simulation to a test run in a real warehouse',
      'Improve our simulation and replay tooling so the whole team ships with confidence',
      'Review code and mentor engineers across the Autonomy team',
    ],
    requirements: [
      '5+ years of professional software engineering, 2+ of them on robots or other physical systems',
      'Strong modern C++ (17/20) and solid Python',
      'Hands-on experience with ROS or ROS 2',
      'You explain trade-offs clearly, in English',
    ],
    niceToHave: [
      'SLAM, sensor fusion or multi-robot coordination',
      'Experience with safety standards such as ISO 3691-4',
    ],
    criteria: [
      ['Robotics fundamentals', 'Planning, localisation and control: what the candidate has built and why'],
      ['C++ craftsmanship', 'Readable, testable, real-time-aware code'],
      ['System design', 'Breaks a fleet-level problem into components and interfaces'],
      ['Collaboration', 'Works well with hardware and operations colleagues'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.notice, QUESTIONS.portfolio],
    tags: ['python', 'ros2', 'relocation'],
  },
  {
    title: 'Embedded Systems Engineer (C/C++)',
    department: 'Engineering',
    city: 'Lisbon',
    country: 'PT',
    workplace: 'onsite',
    employmentType: 'full_time',
    salary: [50_000, 65_000],
    status: 'open',
    openedDaysAgo: 150,
    withManager: true,
    blindStages: ['Phone screen', 'Interview'],
    weight: 13,
    historyWeight: 13,
    intro: [
      'The firmware on our motor controllers and sensor boards decides whether a robot stops in time. We are looking for an engineer who enjoys the layer where software meets the oscilloscope.',
      'You will work in our Lisbon hardware lab, next to the electronics and mechanical engineers who design the boards you program.',
    ],
    duties: [
      'Write and maintain firmware for STM32-based motor controllers and sensor boards',
      'Bring up new boards together with the electronics team',
      'Build hardware-in-the-loop tests that run on every change',
      'Debug field issues from logs, traces and the occasional trip to a customer site',
    ],
    requirements: [
      '3+ years writing embedded C or C++ for microcontrollers',
      'Comfortable with CAN, SPI, I2C and reading schematics',
      'Experience with an RTOS such as FreeRTOS or Zephyr',
    ],
    niceToHave: ['Motor control (FOC)', 'Rust on embedded targets', 'Functional safety (IEC 61508)'],
    criteria: [
      ['Embedded C/C++', 'Memory, timing and concurrency on small targets'],
      ['Hardware debugging', 'Methodical use of scope, logic analyser and traces'],
      ['Testing mindset', 'Automates what can be automated'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.salary],
    profileSections: ['education', 'workHistory', 'rightToWork'],
    tags: ['relocation', 'rust'],
  },
  {
    title: 'Frontend Engineer (React)',
    department: 'Engineering',
    city: null,
    country: 'DE',
    workplace: 'remote',
    employmentType: 'full_time',
    salary: [60_000, 80_000],
    status: 'open',
    openedDaysAgo: 128,
    withManager: false,
    weight: 18,
    historyWeight: 18,
    intro: [
      'Warehouse managers use our fleet dashboard all day to see where every robot is, what it is doing and why it stopped. We want it to be fast, clear and accessible.',
      'This is a fully remote role within European time zones; the team meets in Berlin twice a year.',
    ],
    duties: [
      'Build the fleet dashboard in React and TypeScript, from live maps to reports',
      'Work with our designer on components that stay usable on a warehouse tablet',
      'Keep the app fast with thousands of live updates per minute',
    ],
    requirements: [
      '3+ years building production web apps with React and TypeScript',
      'Care for accessibility and performance',
      'Clear written communication (we are remote first)',
    ],
    niceToHave: ['WebSockets or other real-time data', 'Canvas or WebGL', 'Design systems'],
    criteria: [
      ['React and TypeScript', 'Component design, state management, types that help'],
      ['Product sense', 'Understands what the warehouse manager needs'],
      ['Accessibility', 'Knows and applies WCAG basics'],
      ['Remote collaboration', 'Writes clearly, works asynchronously'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.portfolio],
    tags: ['typescript', 'python'],
  },
  {
    title: 'Warehouse Operations Lead',
    department: 'Operations',
    city: 'Lisbon',
    country: 'PT',
    workplace: 'onsite',
    employmentType: 'full_time',
    salary: [38_000, 46_000],
    status: 'open',
    openedDaysAgo: 104,
    withManager: true,
    weight: 10,
    historyWeight: 10,
    intro: [
      'Our Lisbon test warehouse is where new robots meet real pallets before they meet customers. You will run it: people, shifts, safety and the daily test plan.',
    ],
    duties: [
      'Lead a team of eight operators across two shifts',
      'Plan and run test scenarios with the engineering teams',
      'Own safety on the floor: inductions, audits and incident reviews',
      'Report on throughput, incidents and robot availability every week',
    ],
    requirements: [
      '3+ years leading a team in a warehouse, logistics or manufacturing setting',
      'Fluent Portuguese and good English',
      'Calm, structured and hands-on',
    ],
    niceToHave: ['Forklift licence', 'Lean or Six Sigma training', 'Experience with automation projects'],
    criteria: [
      ['Leadership', 'Has led shift teams and handled conflict'],
      ['Safety culture', 'Treats near misses seriously and systematically'],
      ['Planning', 'Turns a test plan into shifts and tasks'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.shifts, QUESTIONS.forklift],
    tags: ['forklift', 'relocation'],
  },
  {
    title: 'Account Executive, DACH',
    department: 'Sales',
    city: 'Berlin',
    country: 'DE',
    workplace: 'hybrid',
    employmentType: 'full_time',
    salary: [55_000, 70_000],
    status: 'open',
    openedDaysAgo: 64,
    withManager: false,
    weight: 11,
    historyWeight: 3,
    intro: [
      'Logistics companies in Germany, Austria and Switzerland are asking us how robots can help with staff shortages. You will answer them, and close the deals that follow.',
      'The base salary below comes with uncapped commission (on-target earnings about 110,000 EUR).',
    ],
    duties: [
      'Own the full sales cycle for mid-market and enterprise logistics customers in DACH',
      'Run discovery workshops and site visits with our solution engineers',
      'Keep an honest pipeline in our CRM and forecast accurately',
    ],
    requirements: [
      '4+ years of B2B sales with six-figure deal sizes',
      'Business fluent German and English',
      'Willing to travel about 30% of the time',
    ],
    niceToHave: [
      'Logistics, intralogistics or industrial automation background',
      'MEDDICC or a similar method',
    ],
    criteria: [
      ['Deal track record', 'Size, cycle length and how the deals were won'],
      ['Discovery skills', 'Asks the questions that reveal the real problem'],
      ['Language', 'Negotiates confidently in German'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.german, QUESTIONS.salary],
    tags: ['german-speaker', 'referral-bonus'],
  },
  {
    title: 'People Partner',
    department: 'People',
    city: 'Berlin',
    country: 'DE',
    workplace: 'hybrid',
    employmentType: 'full_time',
    salary: null,
    status: 'closed',
    openedDaysAgo: 150,
    closedDaysAgo: 6,
    withManager: false,
    weight: 5,
    historyWeight: 5,
    intro: [
      'We are 140 people in Berlin and Lisbon and growing. As our second People Partner you will support managers and teams through hiring, onboarding, feedback and change.',
    ],
    duties: [
      'Partner with engineering and operations leads on team health and growth',
      'Run our performance and feedback cycles',
      'Improve onboarding for new colleagues in both offices',
    ],
    requirements: [
      '4+ years as HR business partner or in a similar role',
      'Good knowledge of German employment law',
      'Fluent English; German is a plus',
    ],
    niceToHave: ['Experience in a scale-up', 'Coaching qualification'],
    criteria: [
      ['Employee relations', 'Handles difficult conversations with care'],
      ['Programme design', 'Has built and run people processes'],
      ['Judgement', 'Balances the company, the manager and the person'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.notice],
    tags: ['german-speaker'],
  },
  {
    title: DEMO_LONG_CLOSED_JOB,
    department: 'Operations',
    city: 'Lisbon',
    country: 'PT',
    workplace: 'onsite',
    employmentType: 'full_time',
    salary: [32_000, 40_000],
    status: 'closed',
    openedDaysAgo: 270,
    closedDaysAgo: 92,
    withManager: false,
    weight: 0,
    historyWeight: 12,
    intro: [
      'When a robot stops at a customer site, you are the one who gets it moving again. You will install, maintain and repair our fleets in warehouses across Portugal and Spain.',
    ],
    duties: [
      'Install new robot fleets and train the people who work next to them',
      'Carry out preventive maintenance and repairs on site',
      'Report recurring faults to the engineering teams, with photos and logs',
    ],
    requirements: [
      '2+ years of field service on machines, vehicles or industrial equipment',
      'A driving licence and willingness to travel about half of the time',
      'Good Portuguese and English; Spanish is a plus',
    ],
    niceToHave: ['Electrical qualification', 'Experience with AGVs or conveyors'],
    criteria: [
      ['Troubleshooting', 'Finds the cause, not just the symptom'],
      ['Customer manner', 'Calm and clear with customers under pressure'],
      ['Safety', 'Follows lock-out procedures without shortcuts'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.forklift, QUESTIONS.notice],
    tags: ['forklift'],
  },
  {
    title: 'Senior Product Designer',
    department: 'Design',
    city: null,
    country: 'DE',
    workplace: 'remote',
    employmentType: 'contract',
    salary: [65_000, 80_000],
    status: 'draft',
    openedDaysAgo: null,
    withManager: false,
    weight: 0,
    historyWeight: 0,
    intro: [
      'Robots need interfaces too: on the dashboard, on the robot itself and on the handheld scanners of the people working next to it. Help us design all three.',
    ],
    duties: [
      'Own the design of the fleet dashboard and the robot status display',
      'Run research with warehouse staff on site',
      'Grow our design system with the frontend team',
    ],
    requirements: ['5+ years of product design for complex tools', 'A portfolio that shows your process'],
    niceToHave: ['Industrial or hardware product experience'],
    criteria: [
      ['Craft', 'Interaction and visual design quality'],
      ['Research', 'Learns from users in their real environment'],
      ['Systems thinking', 'Designs components, not just screens'],
    ],
    questions: [QUESTIONS.workPermit, QUESTIONS.portfolio],
    tags: ['strong-portfolio'],
  },
];

function describeJob(spec: JobSpec): string {
  const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
  const offer = [
    ...(spec.salary
      ? [`${spec.salary[0].toLocaleString('en')} - ${spec.salary[1].toLocaleString('en')} EUR per year`]
      : []),
    '30 days of paid holiday and your birthday off',
    '1,500 EUR learning budget per year',
    spec.workplace === 'remote'
      ? 'Home office budget and two team weeks a year in Berlin'
      : 'Public transport ticket or bike leasing',
    'Visa and relocation support',
  ];
  return [
    ...spec.intro,
    `## What you will do\n\n${list(spec.duties)}`,
    `## What you bring\n\n${list(spec.requirements)}`,
    `## Nice to have\n\n${list(spec.niceToHave)}`,
    '## About Acme Robotics\n\nWe build friendly robots for warehouses, hospitals and homes. About 140 people from 30 countries work with us in Berlin and Lisbon. We care about safety, honest feedback and going home on time.',
    `## What we offer\n\n${list(offer)}`,
    'We welcome applications from people of every background. Tell us if you need any adjustments during the process.',
  ].join('\n\n');
}

/** When an application reached a step, it was submitted within this many days ago. */
const APPLIED_DAYS_AGO: ReadonlyArray<[number, number]> = [
  [0, 12],
  [4, 30],
  [10, 45],
  [18, 50],
  [28, 58],
  [45, 59],
];

const NOTE_BODIES = [
  'Phone screen done: clear communicator, motivated by the hospital use case. Moving on.',
  'Strong on the technical questions; a little vague on team conflict. Worth a second conversation.',
  'Salary expectation is at the top of our range. Flagged to the hiring manager.',
  'Great references from the previous employer. Asked about start date: available in about two months.',
  'Portfolio shows exactly the kind of work we need. Scheduled the final interview.',
  'Asked for relocation support to Lisbon; confirmed we cover the first month of housing.',
  'Interview panel feedback is positive across all criteria.',
  'Offer sent. Candidate asked for a few days to decide.',
];

const REJECTION_NOTES = [
  'Thanks for your time: we are looking for more hands-on experience with ROS 2.',
  'Salary expectations were well above the range for the role.',
  null,
];

interface PlannedCandidate {
  name: string;
  email: string;
  phone: string | null;
  location: string | null;
  links: string[];
  source: TApplicationSource;
  duplicate: boolean;
}

/** Made-up but plausible candidates, with unique names, emails and phone numbers. */
function planCandidates(random: SeededRandom, count: number): PlannedCandidate[] {
  const planted: PlannedCandidate[] = [
    {
      name: 'Dmytro Bondarenko',
      email: DEMO_DUPLICATE_PAIRS.samePhone[0],
      phone: '+380 67 123 45 67',
      location: 'Berlin',
      links: ['https://www.linkedin.com/in/dmytro-bondarenko-4a1b2c'],
      source: 'careers_site',
      duplicate: true,
    },
    {
      // The same person, applying again with a nickname, another email and the phone written differently.
      name: 'Dima Bondarenko',
      email: DEMO_DUPLICATE_PAIRS.samePhone[1],
      phone: '+380 (67) 123-45-67',
      location: 'Berlin',
      links: [],
      source: 'careers_site',
      duplicate: true,
    },
    {
      name: 'José Álvarez',
      email: DEMO_DUPLICATE_PAIRS.sameName[0],
      phone: '+34 612 48 90 31',
      location: 'Madrid',
      links: ['https://www.linkedin.com/in/jose-alvarez-dev'],
      source: 'careers_site',
      duplicate: true,
    },
    {
      // Same name (typed without accents, same name key), different email and no phone: sourced by the recruiter.
      name: 'Jose Alvarez',
      email: DEMO_DUPLICATE_PAIRS.sameName[1],
      phone: null,
      location: 'Lisbon',
      links: [],
      source: 'sourced',
      duplicate: true,
    },
  ];
  const nameKeys = new Set(planted.map((c) => nameKey(c.name)));
  const phones = new Set(planted.flatMap((c) => phoneKey(c.phone) ?? []));
  const emails = new Set<string>(planted.map((c) => c.email));
  const people: PlannedCandidate[] = [];
  while (people.length < count - planted.length) {
    const person = randomPerson(random);
    if (person.last === 'Bondarenko') continue; // keep the planted pair the only Bondarenkos
    const email = `${nameSlug(person.first)}.${nameSlug(person.last)}@example.com`;
    const key = nameKey(person.name);
    if (nameKeys.has(key) || emails.has(email)) continue;
    const phone = random.chance(0.85) ? uniquePhone(random, person.origin, phones) : null;
    nameKeys.add(key);
    emails.add(email);
    const links: string[] = [];
    if (random.chance(0.45)) {
      const suffix = random.int(0, 0xffffff).toString(16).padStart(6, '0');
      links.push(`https://www.linkedin.com/in/${nameSlug(person.first)}-${nameSlug(person.last)}-${suffix}`);
    }
    if (random.chance(0.2)) {
      links.push(`https://github.com/${nameSlug(person.first)}${nameSlug(person.last).slice(0, 4)}`);
    }
    people.push({
      name: person.name,
      email,
      phone,
      location: random.chance(0.55)
        ? random.pick(['Berlin', 'Berlin', 'Lisbon', 'Porto', 'Munich', 'Hamburg'])
        : random.pick(person.origin.cities),
      links,
      source: random.weighted<TApplicationSource>([
        ['careers_site', 75],
        ['referral', 12],
        ['sourced', 13],
      ]),
      duplicate: false,
    });
  }
  // Spread the planted candidates through the list, so they do not all sit at the top.
  people.splice(7, 0, planted[0]!);
  people.splice(23, 0, planted[2]!);
  people.splice(38, 0, planted[1]!);
  people.splice(51, 0, planted[3]!);
  return people;
}

function uniquePhone(random: SeededRandom, origin: Origin, taken: Set<string>): string {
  for (;;) {
    const phone = fillPhone(random, origin.phone);
    const key = phoneKey(phone) ?? phone;
    if (!taken.has(key)) {
      taken.add(key);
      return phone;
    }
  }
}

/**
 * Outcomes for the applications of open jobs, most advanced first: 3 offers,
 * interviews, 2 withdrawn, some rejected, the rest applied or in phone screen.
 */
function planOutcomes(random: SeededRandom, count: number, rejected: number): Outcome[] {
  const reasons = ['experience', 'skills', 'location', 'compensation', 'experience', 'skills', 'other'];
  const outcomes: Outcome[] = [
    { reached: OFFER_STEP, status: 'active', offer: 'sent' },
    { reached: OFFER_STEP, status: 'active', offer: 'sent' },
    { reached: OFFER_STEP, status: 'active', offer: 'pending' },
    { reached: 1, status: 'withdrawn' },
    { reached: 2, status: 'withdrawn' },
  ];
  for (let i = 0; i < 7; i++) outcomes.push({ reached: 2, status: 'active' });
  for (let i = 0; i < 4; i++) outcomes.push({ reached: 3, status: 'active' });
  for (let i = 0; i < rejected; i++) {
    const reasonId = reasons[i % reasons.length]!;
    outcomes.push({ reached: reasonId === 'location' ? 0 : random.int(0, 2), status: 'rejected', reasonId });
  }
  while (outcomes.length < count) outcomes.push({ reached: random.chance(0.6) ? 0 : 1, status: 'active' });
  return random.shuffle(outcomes.slice(0, count));
}

function answersFor(
  random: SeededRandom,
  job: JobRow,
  spec: JobSpec,
  candidate: PlannedCandidate,
  outcome: Outcome,
): TStoredAnswer[] {
  return job.questions.map((q) => {
    let answer: string;
    if (q.kind === 'yes_no') {
      // Only people rejected for location or work permit answered the knockout question with "no".
      answer = q.knockoutAnswer
        ? outcome.reasonId === 'location'
          ? q.knockoutAnswer
          : 'yes'
        : random.pick(['yes', 'no']);
    } else if (q.kind === 'single_choice') {
      const options = q.options.filter((o) => o !== q.knockoutAnswer || outcome.reasonId === 'skills');
      answer = random.pick(options);
    } else if (q.label === QUESTIONS.salary.label) {
      const [min, max] = spec.salary ?? [50_000, 70_000];
      const wish = outcome.reasonId === 'compensation' ? max * 1.3 : random.int(min * 0.9, max * 1.1);
      answer = `${Math.round(wish / 1000)}k`;
    } else if (q.label === QUESTIONS.portfolio.label) {
      answer = candidate.links.find((l) => l.includes('github')) ?? `https://${nameSlug(candidate.name)}.dev`;
    } else {
      answer = random.pick([
        'Immediately',
        '2 weeks',
        '1 month',
        '6 weeks',
        '3 months',
        '3 months, negotiable',
      ]);
    }
    return { questionId: q.id, label: q.label, answer };
  });
}

export async function seedDemoHiring(em: Em, tenantId: string): Promise<DemoStory[]> {
  const random = new SeededRandom(SEED);
  const now = Date.now();
  const daysAgo = (days: number, hours = 0) => new Date(now - days * DAY + hours * HOUR);

  const tenant = await em.findOneOrFail(Tenant, tenantId);
  tenant.hiringSettings = DEMO_HIRING_SETTINGS;
  const recruiter = await em.findOneOrFail(User, { email: 'recruiter@acme.example' });
  const manager = await em.findOneOrFail(User, { email: 'manager@acme.example' });

  // Jobs, their pipelines and hiring teams.
  const jobs = JOBS.map((spec) => {
    const opened = spec.openedDaysAgo === null ? null : daysAgo(spec.openedDaysAgo, 10);
    const closed = spec.closedDaysAgo === undefined ? null : daysAgo(spec.closedDaysAgo, 16);
    const createdAt = opened ? new Date(opened.getTime() - random.int(2, 5) * DAY) : daysAgo(3);
    const job = em.create(Job, {
      tenant: tenantId,
      title: spec.title,
      department: spec.department,
      city: spec.city,
      country: spec.country,
      workplace: spec.workplace,
      employmentType: spec.employmentType,
      descriptionMd: describeJob(spec),
      salaryMin: spec.salary?.[0] ?? null,
      salaryMax: spec.salary?.[1] ?? null,
      salaryCurrency: spec.salary ? 'EUR' : null,
      salaryPeriod: spec.salary ? 'year' : null,
      status: spec.status,
      statusChangedAt: closed ?? opened ?? createdAt,
      statusChangedBy: recruiter,
      openedAt: opened,
      closedAt: closed,
      questions: spec.questions.map((q): Question => ({ ...q, id: random.shortId() })),
      profileSections: spec.profileSections ?? [],
      criteria: spec.criteria.map(([name, description]) => ({ id: random.shortId(), name, description })),
      createdAt,
      updatedAt: closed ?? opened ?? createdAt,
    });
    const stages = DEMO_HIRING_SETTINGS.pipelineTemplate.map((stage, position) =>
      em.create(JobStage, {
        tenant: tenantId,
        job,
        name: stage.name,
        kind: stage.kind,
        position,
        blindReview: spec.blindStages?.includes(stage.name) ?? false,
      }),
    );
    const team: Array<[UserRow, THiringTeamRole]> = [[recruiter, 'recruiter']];
    if (spec.withManager) team.push([manager, 'hiring_manager']);
    for (const [user, role] of team) em.create(HiringTeamMember, { tenant: tenantId, job, user, role });
    return { spec, job, stages, closedAt: closed };
  });

  // Candidates of the last two months, and which jobs each applies to (one, or two for some).
  const planned = planCandidates(random, DEMO_CANDIDATE_COUNT + HISTORY_PEOPLE);
  const openToApplications = jobs.filter((j) => j.spec.weight > 0);
  const pickJob = (exclude?: JobEntry) =>
    random.weighted(openToApplications.filter((j) => j !== exclude).map((j) => [j, j.spec.weight] as const));
  const recent = planned.slice(0, DEMO_CANDIDATE_COUNT);
  const twice = new Set(random.shuffle(recent.map((_, i) => i)).slice(0, SECOND_APPLICATIONS));
  const pairs: Array<{ candidate: number; job: JobEntry }> = [];
  recent.forEach((_, i) => {
    const first = pickJob();
    pairs.push({ candidate: i, job: first });
    if (twice.has(i)) pairs.push({ candidate: i, job: pickJob(first) });
  });

  // Outcomes: on the closed job one hire, the rest rejected; the open jobs get the mix from planOutcomes.
  const closedPairs = pairs.filter((p) => p.job.spec.status === 'closed');
  const openPairs = pairs.filter((p) => p.job.spec.status !== 'closed');
  const openOutcomes = planOutcomes(random, openPairs.length, Math.max(4, 10 - (closedPairs.length - 1)));
  const outcomeOf = new Map<(typeof pairs)[number], Outcome>();
  closedPairs.forEach((p, i) => {
    outcomeOf.set(
      p,
      i === 0
        ? { reached: HIRED_STEP, status: 'hired', offer: 'accepted' }
        : {
            reached: random.int(0, 2),
            status: 'rejected',
            reasonId: i % 3 === 1 ? 'experience' : 'position_filled',
          },
    );
  });
  openPairs.forEach((p, i) => {
    outcomeOf.set(p, openOutcomes[i]!);
  });

  const plans: ApplicationPlan[] = pairs.map((pair) =>
    recentPlan(random, now, pair.candidate, pair.job, outcomeOf.get(pair)!),
  );

  // The earlier months, on the jobs open then; their hires' sources round the half year's hires up
  // to five from the careers site, three referrals and two sourced, so the sources report shows them.
  const hireSources: TApplicationSource[] = [
    ...Array<TApplicationSource>(5).fill('careers_site'),
    ...Array<TApplicationSource>(3).fill('referral'),
    ...Array<TApplicationSource>(2).fill('sourced'),
  ];
  for (const plan of plans)
    if (plan.outcome.status === 'hired')
      hireSources.splice(hireSources.indexOf(planned[plan.candidate]!.source), 1);
  const past = planHistory(
    random,
    jobs.map((entry) => ({
      entry,
      openedAt: entry.job.openedAt?.getTime() ?? null,
      closedAt: entry.closedAt?.getTime() ?? null,
      historyWeight: entry.spec.historyWeight,
    })),
    now,
    hireSources,
  );
  past.forEach((application, i) => {
    const candidate = DEMO_CANDIDATE_COUNT + i;
    planned[candidate]!.source = application.source;
    plans.push({ ...application, candidate, job: application.job.entry });
  });

  const used = new Set(plans.map((p) => p.candidate));
  const candidates = new Map<number, CandidateRow>();
  planned.forEach((c, i) => {
    if (!used.has(i)) return;
    candidates.set(
      i,
      em.create(Candidate, {
        tenant: tenantId,
        name: c.name,
        email: c.email,
        phone: c.phone,
        phoneDigits: phoneKey(c.phone),
        nameKey: nameKey(c.name),
        location: c.location,
        links: c.links,
        source: c.source,
        possibleDuplicate: c.duplicate,
        // Both dates are set from the applications below.
        createdAt: new Date(now),
        lastActivityAt: new Date(0),
      }),
    );
  });

  const stories: DemoStory[] = [];
  let notesLeft = NOTE_BODIES.length;
  for (const plan of plans) {
    const { job, stages, spec } = plan.job;
    const { outcome, times } = plan;
    const plannedCandidate = planned[plan.candidate]!;
    const candidate = candidates.get(plan.candidate)!;
    const appliedAt = new Date(plan.appliedAt);

    // Stage path: along the pipeline up to the furthest step, then to Rejected if rejected.
    const progress = stages.filter((s) => s.kind !== 'rejected');
    const path: StageRow[] = progress.slice(0, outcome.reached + 1);
    if (outcome.status === 'rejected') path.push(stages.find((s) => s.kind === 'rejected')!);

    const decidedAt = outcome.status === 'active' ? null : new Date(times.at(-1) ?? plan.appliedAt);
    const deciderIsManager = spec.withManager && outcome.status === 'rejected' && random.chance(0.4);
    const application = em.create(Application, {
      tenant: tenantId,
      candidate,
      job,
      stage: path[path.length - 1]!,
      status: outcome.status,
      source: plannedCandidate.source,
      answers: answersFor(random, job, spec, plannedCandidate, outcome),
      appliedAt,
      lastActivityAt: decidedAt ?? new Date(times.at(-1) ?? plan.appliedAt),
      rejectionReasonId: outcome.reasonId ?? null,
      rejectionNote: outcome.status === 'rejected' ? random.pick(REJECTION_NOTES) : null,
      decidedAt,
      // Accepting the offer hires: the candidate decided (see respondToOffer).
      decidedBy: decidedAt && outcome.status !== 'hired' ? (deciderIsManager ? manager : recruiter) : null,
    });

    const moves = path.map((stage, i) => {
      const at = i === 0 ? plan.appliedAt : times[i - 1]!;
      em.create(StageChange, {
        tenant: tenantId,
        application,
        fromStage: i === 0 ? null : path[i - 1]!,
        toStage: stage,
        // Careers-site applications enter the pipeline by themselves, and the candidate's
        // acceptance moves a hire; staff make the other moves.
        by:
          (i === 0 && plannedCandidate.source === 'careers_site') || stage.kind === 'hired'
            ? null
            : recruiter,
        at: new Date(at),
      });
      return { stage, at };
    });
    stories.push({ application, path: moves, outcome, withManager: spec.withManager });

    if (outcome.status === 'withdrawn') {
      em.create(ApplicationNote, {
        tenant: tenantId,
        application,
        author: recruiter,
        body:
          outcome.offer === 'declined'
            ? 'Declined our offer: the counter-offer from their current employer was too good to refuse.'
            : outcome.offer === 'withdrawn'
              ? 'Candidate withdrew before answering the offer (family reasons); offer withdrawn.'
              : 'Candidate withdrew: accepted another offer closer to home.',
        createdAt: decidedAt!,
      });
    } else if (
      outcome.status === 'active' &&
      outcome.reached >= 1 &&
      outcome.offer === undefined &&
      notesLeft > 0
    ) {
      // A note shortly after the latest move, by the hiring manager on their jobs.
      notesLeft--;
      const last = times.at(-1) ?? plan.appliedAt;
      const at = Math.max(last + 60_000, Math.min(now - HOUR, last + random.int(1, 5) * HOUR));
      em.create(ApplicationNote, {
        tenant: tenantId,
        application,
        author: spec.withManager && random.chance(0.5) ? manager : recruiter,
        body: NOTE_BODIES[notesLeft]!,
        createdAt: new Date(at),
      });
      if (at > application.lastActivityAt.getTime()) application.lastActivityAt = new Date(at);
    }

    // A few tags: most applications have none.
    const tags = new Set<string>();
    if (plannedCandidate.source === 'referral' && random.chance(0.5)) tags.add('referral-bonus');
    if (random.chance(0.12)) tags.add(random.pick(spec.tags));
    for (const tag of tags) em.create(ApplicationTag, { tenant: tenantId, application, tag });

    if (appliedAt < candidate.createdAt) {
      // Sourced candidates were added a little before they were put on a job.
      candidate.createdAt = new Date(
        appliedAt.getTime() - (plannedCandidate.source === 'careers_site' ? 0 : HOUR),
      );
    }
    if (application.lastActivityAt > candidate.lastActivityAt) {
      candidate.lastActivityAt = application.lastActivityAt;
    }
  }

  await em.flush();
  return stories;
}

type JobEntry = { spec: JobSpec; job: JobRow; stages: StageRow[]; closedAt: Date | null };

interface ApplicationPlan {
  candidate: number;
  job: JobEntry;
  outcome: Outcome;
  appliedAt: number;
  /** One instant per stage move after applying, and for a withdrawal one more: when it was withdrawn. */
  times: number[];
}

/** One application's story, for the interviews, scorecards and offers that go with it (demo-feedback.ts). */
export interface DemoStory {
  application: InferEntity<typeof Application>;
  /** Its stage history: the stage, and when it got there. */
  path: Array<{ stage: StageRow; at: number }>;
  outcome: Outcome;
  withManager: boolean;
}

/**
 * When an application of the last two months came in and moved, from how far
 * it got: it applied within APPLIED_DAYS_AGO of its furthest step, and its
 * moves spread from then to about now. On the closed job decisions came
 * before it closed, the hire at least four days before and the rejections
 * because the position was filled on closing. An offer still awaiting an
 * answer was sent within the last eight days (it is valid for two weeks).
 */
function recentPlan(
  random: SeededRandom,
  now: number,
  candidate: number,
  job: JobEntry,
  outcome: Outcome,
): ApplicationPlan {
  const { spec, closedAt } = job;
  let [minDays, maxDays] = APPLIED_DAYS_AGO[outcome.reached]!;
  if (spec.closedDaysAgo !== undefined) {
    // Applications to the closed job came in well before it closed.
    minDays = Math.max(minDays, spec.closedDaysAgo + 7);
    maxDays = Math.min(59, Math.max(maxDays, minDays + 10));
  }
  let appliedAt = now - random.int(minDays, maxDays) * DAY - random.int(1, 10) * HOUR;
  if (appliedAt > now - HOUR) appliedAt = now - random.int(1, 8) * HOUR;
  const filled = outcome.reasonId === 'position_filled' && closedAt !== null;
  const end = closedAt
    ? closedAt.getTime() - (outcome.status === 'hired' ? 4 : filled ? 2 : 1) * DAY
    : now - random.int(1, 48) * HOUR;
  const points = outcome.reached + (outcome.status === 'active' || outcome.status === 'hired' ? 0 : 1);
  let times: number[];
  if (outcome.offer === 'sent' || outcome.offer === 'pending') {
    // The move to the offer stage is recent; the steps before it spread out earlier.
    const offerAt =
      now - random.int(outcome.offer === 'sent' ? 2 : 1, outcome.offer === 'sent' ? 8 : 4) * DAY;
    times = [...stepTimes(random, appliedAt, offerAt - DAY, points - 1), offerAt - random.int(1, 6) * HOUR];
  } else if (filled) {
    times = [
      ...stepTimes(random, appliedAt, Math.max(end, appliedAt + points * HOUR), points - 1),
      closedAt.getTime() - random.int(2, 30) * HOUR,
    ];
  } else {
    times = stepTimes(random, appliedAt, Math.max(end, appliedAt + points * HOUR), points);
  }
  return { candidate, job, outcome, appliedAt, times };
}

/** `count` increasing instants between `from` and `to`: random gaps, none shorter than a third of an even share. */
function stepTimes(random: SeededRandom, from: number, to: number, count: number): number[] {
  const weights = Array.from({ length: count + 1 }, () => 0.5 + random.next());
  const total = weights.reduce((sum, w) => sum + w, 0);
  let at = 0;
  return weights.slice(0, count).map((w) => {
    at += w;
    return Math.round(from + ((to - from) * at) / total);
  });
}
