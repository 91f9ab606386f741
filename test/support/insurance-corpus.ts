/**
 * Insurance extracts as other teams' systems write them: one made-up book of four policies and
 * three claims, rendered with other column names, orders, delimiters, date and amount
 * conventions, formats and partial contents. The figures are the same in every rendering that
 * holds them, so a test can check each file is read to the same totals.
 */
interface Policy {
  number: string;
  holder: string;
  ssn: string;
  email: string;
  phone: string;
  lob: string;
  state: string;
  /** ISO date. */
  effective: string;
  premium: number;
}

interface Claim {
  id: string;
  policy: string;
  loss: string;
  reported: string;
  paid: number;
  reserve: number;
  status: 'PD' | 'OP' | 'RO';
}

const POLICIES: readonly Policy[] = [
  {
    number: 'HX-1001',
    holder: 'Poe, Ann',
    ssn: '111-22-3333',
    email: 'ann.poe@example.com',
    phone: '(212) 555-0101',
    lob: 'AUTO',
    state: 'NY',
    effective: '2023-01-15',
    premium: 1200,
  },
  {
    number: 'HX-1002',
    holder: 'Li, Bo',
    ssn: '222-33-4444',
    email: 'bo.li@example.org',
    phone: '713-555-0102',
    lob: 'HOME',
    state: 'TX',
    effective: '2022-06-01',
    premium: 950.5,
  },
  {
    number: 'HX-1003',
    holder: 'Twombly, Cy',
    ssn: '333-44-5555',
    email: 'cy@example.net',
    phone: '305-555-0103',
    lob: 'AUTO',
    state: 'FL',
    effective: '2024-03-10',
    premium: 1800,
  },
  {
    number: 'HX-1004',
    holder: 'Ng, Di',
    ssn: '444-55-6666',
    email: 'di.ng@example.com',
    phone: '415-555-0104',
    lob: 'LIFE',
    state: 'CA',
    effective: '2021-09-30',
    premium: 600,
  },
];

const CLAIMS: readonly Claim[] = [
  { id: 'CL-77', policy: 'HX-1001', loss: '2023-05-02', reported: '2023-05-04', paid: 800, reserve: 200, status: 'RO' },
  { id: 'CL-78', policy: 'HX-1001', loss: '2024-02-11', reported: '2024-03-01', paid: 300, reserve: 0, status: 'PD' },
  { id: 'CL-91', policy: 'HX-1003', loss: '2024-06-20', reported: '2024-06-21', paid: 2500, reserve: 1000, status: 'OP' },
];

export const BOOK = {
  policies: POLICIES.length,
  /** All a claims-only file can know of: the policies that claimed. */
  policiesWithClaims: new Set(CLAIMS.map((c) => c.policy)).size,
  claims: CLAIMS.length,
  writtenPremium: 4550.5,
  paidLosses: 3600,
  incurredWithReserves: 4800,
};

export interface InsuranceCorpusFile {
  name: string;
  body: string;
  /** The upload's folder below `uploads/insurance_ai/`. */
  folder: string;
  metadata?: Record<string, string>;
  /** A `_column-map.json` stored in the folder first. */
  mappingFile?: Record<string, string>;
  expect:
    | {
        status: 'completed';
        /** Which of the book's figures the file holds. */
        holds: { premium: boolean; claims: boolean; reserves: boolean };
        /** file column -> field, for columns whose mapping is the point of the file. */
        maps: Record<string, string>;
      }
    | { status: 'failed'; code: string; mentions: string[] };
}

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const dayFirst = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const compactDate = (iso: string) => iso.replaceAll('-', '');
const decimalComma = (amount: number) => {
  const [whole, cents] = amount.toFixed(2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
};
const policyOf = (claim: Claim) => POLICIES.find((p) => p.number === claim.policy)!;
const quoted = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const lines = (rows: readonly (readonly string[])[], delimiter = ',') =>
  `${rows.map((r) => r.map(delimiter === ',' ? quoted : (c) => c).join(delimiter)).join('\n')}\n`;

/** One row per claim and one per claimless policy, as a combined extract has it. */
function combinedRows(): { policy: Policy; claim: Claim | undefined }[] {
  return POLICIES.flatMap((policy): { policy: Policy; claim: Claim | undefined }[] => {
    const claims = CLAIMS.filter((c) => c.policy === policy.number);
    return claims.length === 0 ? [{ policy, claim: undefined }] : claims.map((claim) => ({ policy, claim }));
  });
}

/** The claims administrator's register the issue was filed with: no premium, no holder, no status. */
function claimsRegister(): InsuranceCorpusFile {
  const header = [
    'policy_no',
    'claim_id',
    'line_of_business',
    'loss_date',
    'report_date',
    'paid_amount',
    'reserve_amount',
    'claimant_email',
    'claimant_ssn',
    'phone',
    'state',
  ];
  const rows = CLAIMS.map((c) => {
    const p = policyOf(c);
    return [p.number, c.id, p.lob, c.loss, c.reported, c.paid.toFixed(2), c.reserve.toFixed(2), p.email, p.ssn, p.phone, p.state];
  });
  return {
    name: 'claims-register.csv',
    folder: 'claims-admin',
    body: lines([header, ...rows]),
    expect: {
      status: 'completed',
      holds: { premium: false, claims: true, reserves: true },
      maps: { policy_no: 'policy_number', claimant_ssn: 'national_id', loss_date: 'claim_date', paid_amount: 'claim_amount' },
    },
  };
}

/** A European policy administration export: semicolons, decimal commas with thousands dots, day-first dates. */
function europeanPolicyRegister(): InsuranceCorpusFile {
  const header = ['POL_NO', 'INSURED_NM', 'PREM', 'INCEPT_DATE', 'LOB', 'ST', 'AGENT'];
  const rows = POLICIES.map((p) => [p.number, p.holder, decimalComma(p.premium), dayFirst(p.effective), p.lob, p.state, 'AG-3']);
  return {
    name: 'bestand.csv',
    folder: 'policy-admin',
    body: lines([header, ...rows], ';'),
    expect: {
      status: 'completed',
      holds: { premium: true, claims: false, reserves: false },
      maps: { POL_NO: 'policy_number', PREM: 'premium', INCEPT_DATE: 'effective_date' },
    },
  };
}

/** A BI tool's combined export: title-case names, its own column order, US dates, extra columns. */
function combinedExport(): InsuranceCorpusFile {
  const header = [
    'Claim No',
    'Policy Number',
    'Insured Name',
    'Line of Business',
    'Written Premium',
    'Effective Date',
    'Loss Date',
    'Paid Amount',
    'Reserve',
    'Claim Status',
    'Broker Code',
    'Email Address',
    'SSN',
    'Phone Number',
    'State',
    'Notes',
  ];
  const rows = combinedRows().map(({ policy: p, claim: c }) => [
    c?.id ?? '',
    p.number,
    p.holder,
    p.lob,
    p.premium.toFixed(2),
    usDate(p.effective),
    c ? usDate(c.loss) : '',
    c ? c.paid.toFixed(2) : '',
    c ? c.reserve.toFixed(2) : '',
    c?.status ?? '',
    'BRK-12',
    p.email,
    p.ssn,
    p.phone,
    p.state,
    c ? 'reviewed, no action' : '',
  ]);
  return {
    name: 'bi-export.csv',
    folder: 'bi',
    body: lines([header, ...rows]),
    expect: {
      status: 'completed',
      holds: { premium: true, claims: true, reserves: true },
      maps: {
        'Policy Number': 'policy_number',
        'Written Premium': 'premium',
        'Claim No': 'claim_id',
        'Paid Amount': 'claim_amount',
        Reserve: 'reserve_amount',
      },
    },
  };
}

/** A warehouse unload: tab-separated, abbreviated lower-case names, compact dates. */
function warehouseTsv(): InsuranceCorpusFile {
  const header = ['pol_num', 'insured', 'tin', 'e_mail', 'tel', 'lob', 'st', 'eff_dt', 'gwp', 'clm_no', 'loss_dt', 'clm_amt', 'clm_status'];
  const rows = combinedRows().map(({ policy: p, claim: c }) => [
    p.number,
    p.holder,
    p.ssn,
    p.email,
    p.phone,
    p.lob,
    p.state,
    compactDate(p.effective),
    p.premium.toFixed(2),
    c?.id ?? '',
    c ? compactDate(c.loss) : '',
    c ? c.paid.toFixed(2) : '',
    c?.status ?? '',
  ]);
  return {
    name: 'unload.tsv',
    folder: 'warehouse',
    body: lines([header, ...rows], '\t'),
    expect: {
      status: 'completed',
      holds: { premium: true, claims: true, reserves: false },
      maps: { pol_num: 'policy_number', tin: 'national_id', gwp: 'premium', clm_amt: 'claim_amount' },
    },
  };
}

/** A claims service's event feed: NDJSON, camelCase keys, amounts as numbers. */
function claimsFeed(): InsuranceCorpusFile {
  const body = CLAIMS.map((c) => {
    const p = policyOf(c);
    return JSON.stringify({
      claimNumber: c.id,
      policyNo: p.number,
      lossDate: c.loss,
      reportDate: c.reported,
      paidAmount: c.paid,
      outstandingReserve: c.reserve,
      lob: p.lob,
      state: p.state,
    });
  }).join('\n');
  return {
    name: 'claims-feed.ndjson',
    folder: 'claims-service',
    body: `${body}\n`,
    expect: {
      status: 'completed',
      holds: { premium: false, claims: true, reserves: true },
      maps: { policyNo: 'policy_number', claimNumber: 'claim_id', outstandingReserve: 'reserve_amount' },
    },
  };
}

/** Opaque report-writer names that nothing could guess, explained by the upload's column-map metadata. */
function declaredByMetadata(): InsuranceCorpusFile {
  const header = ['F01', 'F02', 'F03', 'F04', 'F05', 'F06'];
  const rows = POLICIES.map((p) => [p.number, p.holder, p.premium.toFixed(2), p.effective, p.lob, p.state]);
  return {
    name: 'rpt0042.csv',
    folder: 'report-writer',
    body: lines([header, ...rows]),
    metadata: { 'column-map': 'policy_number=F01,holder_name=F02,premium=F03,effective_date=F04,line_of_business=F05,state=F06' },
    expect: {
      status: 'completed',
      holds: { premium: true, claims: false, reserves: false },
      maps: { F01: 'policy_number', F03: 'premium', F04: 'effective_date' },
    },
  };
}

/** A partner's combined file explained once for its folder by a `_column-map.json`. */
function declaredByMappingFile(): InsuranceCorpusFile {
  const header = ['KEY1', 'CUST', 'PRODUKT', 'BEITRAG', 'BEGINN', 'SCHADEN', 'SCHADENTAG', 'ZAHLUNG', 'STATUS'];
  const rows = combinedRows().map(({ policy: p, claim: c }) => [
    p.number,
    p.holder,
    p.lob,
    p.premium.toFixed(2),
    p.effective,
    c?.id ?? '',
    c?.loss ?? '',
    c ? c.paid.toFixed(2) : '',
    c?.status ?? '',
  ]);
  return {
    name: 'partner-2024.csv',
    folder: 'partner-a',
    body: lines([header, ...rows]),
    mappingFile: {
      policy_number: 'KEY1',
      holder_name: 'CUST',
      line_of_business: 'PRODUKT',
      premium: 'BEITRAG',
      effective_date: 'BEGINN',
      claim_id: 'SCHADEN',
      claim_date: 'SCHADENTAG',
      claim_amount: 'ZAHLUNG',
    },
    expect: {
      status: 'completed',
      holds: { premium: true, claims: true, reserves: false },
      maps: { KEY1: 'policy_number', BEITRAG: 'premium', ZAHLUNG: 'claim_amount', STATUS: 'claim_status' },
    },
  };
}

/** A mainframe fixed-width extract whose layout line uses the mainframe's own field names and implied decimals. */
function mainframeFixedWidth(): InsuranceCorpusFile {
  const pad = (value: string, width: number) => value.padEnd(width).slice(0, width);
  const cents = (amount: number, width: number) => String(Math.round(amount * 100)).padStart(width, '0');
  const layout = '#layout POLNO:1-10,INSNAME:11-30,LOBCD:31-34,ST:35-36,EFFDT:37-44,PREMAMT:45-54:v2,CLMNO:55-62,LOSSDT:63-70,CLMAMT:71-80:v2,CLMSTAT:81-82';
  const records = combinedRows().map(({ policy: p, claim: c }) =>
    [
      pad(p.number, 10),
      pad(p.holder, 20),
      pad(p.lob, 4),
      p.state,
      compactDate(p.effective),
      cents(p.premium, 10),
      pad(c?.id ?? '', 8),
      c ? compactDate(c.loss) : '00000000',
      c ? cents(c.paid, 10) : '0000000000',
      c?.status ?? '  ',
    ].join(''),
  );
  return {
    name: 'POLEXT.DAT',
    folder: 'mainframe',
    body: `${[layout, ...records].join('\n')}\n`,
    expect: {
      status: 'completed',
      holds: { premium: true, claims: true, reserves: false },
      maps: { POLNO: 'policy_number', PREMAMT: 'premium', CLMAMT: 'claim_amount' },
    },
  };
}

/** Two columns named like the paid amount: the first is taken and the choice reported. */
function twoPaidColumns(): InsuranceCorpusFile {
  const header = ['policy_no', 'claim_no', 'loss_date', 'paid', 'paid_amt', 'lob'];
  const rows = CLAIMS.map((c) => [c.policy, c.id, c.loss, c.paid.toFixed(2), c.paid.toFixed(2), policyOf(c).lob]);
  return {
    name: 'two-paid-columns.csv',
    folder: 'claims-admin',
    body: lines([header, ...rows]),
    expect: { status: 'completed', holds: { premium: false, claims: true, reserves: false }, maps: { paid: 'claim_amount' } },
  };
}

/** A register keyed by an account number nothing recognises as a policy: refused with the line that fixes it. */
function noPolicyColumn(): InsuranceCorpusFile {
  const header = ['acct', 'insured_name', 'written_premium', 'lob'];
  const rows = POLICIES.map((p) => [p.number, p.holder, p.premium.toFixed(2), p.lob]);
  return {
    name: 'accounts.csv',
    folder: 'policy-admin',
    body: lines([header, ...rows]),
    expect: { status: 'failed', code: 'missing_fields', mentions: ['policy_number', 'acct', '--map policy_number='] },
  };
}

/** A declared mapping naming a column the file does not have. */
function declaredColumnAbsent(): InsuranceCorpusFile {
  const header = ['policy_no', 'premium', 'lob'];
  const rows = POLICIES.map((p) => [p.number, p.premium.toFixed(2), p.lob]);
  return {
    name: 'typo-in-map.csv',
    folder: 'policy-admin',
    body: lines([header, ...rows]),
    metadata: { 'column-map': 'premium=premium_amt' },
    expect: { status: 'failed', code: 'invalid_column_map', mentions: ['premium_amt'] },
  };
}

export function insuranceCorpus(): InsuranceCorpusFile[] {
  return [
    claimsRegister(),
    europeanPolicyRegister(),
    combinedExport(),
    warehouseTsv(),
    claimsFeed(),
    declaredByMetadata(),
    declaredByMappingFile(),
    mainframeFixedWidth(),
    twoPaidColumns(),
    noPolicyColumn(),
    declaredColumnAbsent(),
  ];
}
