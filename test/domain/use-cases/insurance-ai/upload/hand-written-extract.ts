/**
 * A small extract whose every figure can be checked by hand:
 *
 * AUTO: premiums 1000 + 1000 + 2000 = 4000; incurred 500 (C2 is denied) -> loss ratio 0.125
 * HOME: premiums 1500 (H1 once, though on two lines) + 1000 + 500 = 3000;
 *       incurred 1200 + 900 - 250 (a recovery) + 1000 = 2850 -> loss ratio 0.95
 *       -> reprice: 2850 / 0.65 - 3000 = 1384.62
 * Partitions: AUTO/2023 1, AUTO/2024 2, HOME/1998 1, HOME/2023 1, HOME/2024 2 (7 rows).
 * C6 comes 14 days after H3 took effect: an early claim.
 */
export const HAND_WRITTEN_CSV = [
  'policy_number,holder_name,national_id,email,phone,line_of_business,state,effective_date,premium,claim_id,claim_date,claim_amount,claim_status',
  'A1,"DOE, JANE",123-45-6789,Jane.Doe@example.com,(212) 555-0101,AUTO,NY,20240115,1000.00,,,,',
  'A2,John Roe,987654321,john.roe@example.org,212-555-0102,auto,ny,01/20/24,1000.00,C1,03/01/24,500.00,PD',
  'A3,Ann Poe,111-22-3333,ann.poe@example.net,+1 415 555 0103,AUTO,CA,15-MAR-2023,"$2,000.00",C2,2023-06-01,300.00,DN',
  'H1,"DOE, JANE",123-45-6789,jane.doe@example.com,(212) 555-0101,HOME,NY,2024-02-01,1500.00,C3,20240601,1200.00,PD',
  'H1,"DOE, JANE",123-45-6789,jane.doe@example.com,(212) 555-0101,HOME,NY,2024-02-01,1500.00,C4,20240901,0000900.00,OP',
  'H2,Bo Li,222-33-4444,,,HOME,TX,07/04/98,1000.00,C5,02/10/99,250.00-,PD',
  'H3,Cy Twombly,333-44-5555,cy@example.com,7135550105,HOME,TX,20230101,500,C6,20230115,1000,RO',
  '',
].join('\n');

export const RAW_PII = {
  nationalIds: ['123-45-6789', '987654321', '987-65-4321', '111-22-3333', '222-33-4444', '333-44-5555'],
  emails: ['jane.doe@example.com', 'john.roe@example.org', 'ann.poe@example.net', 'cy@example.com'],
  phones: ['(212) 555-0101', '212-555-0102', '+1 415 555 0103', '7135550105'],
  names: ['DOE, JANE', 'John Roe', 'Ann Poe', 'Bo Li', 'Cy Twombly'],
};
