import { invalid } from './invalid-event-pattern-error.js';

/** An inclusive range of addresses of one family (4 bytes for IPv4, 16 for IPv6). */
export interface IpRange {
  readonly low: Uint8Array;
  readonly high: Uint8Array;
}

// event-ruler only treats text as an address when it has one of these shapes; anything else is a
// plain string (and, in a cidr operand, a "Nonstandard IP address").
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const DECIMAL_INT = /^[+-]?[0-9]+$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses an address literal the way event-ruler (via java.net.InetAddress) does, or undefined. */
export function parseIpAddress(text: string): Uint8Array | undefined {
  // Several cidr conditions often test the same event value in a row; parse it once.
  if (text === lastText) return lastAddress;
  const address = IPV4_SHAPE.test(text) ? parseIpv4(text) : IPV6_SHAPE.test(text) ? parseIpv6(text) : undefined;
  lastText = text;
  lastAddress = address;
  return address;
}

let lastText: string | undefined;
let lastAddress: Uint8Array | undefined;

/** `text` already has the dotted-quad shape; checks each part is 0-255 written without leading zeros. */
function parseIpv4(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (code === 0x2e) {
      bytes[part++] = value;
      value = 0;
      digits = 0;
      continue;
    }
    // Current JDKs refuse leading zeros as ambiguous (octal or decimal?), so such text is no address.
    if (digits === 1 && value === 0) return undefined;
    value = value * 10 + (code - 0x30);
    digits++;
    if (value > 255) return undefined;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return undefined;
  const head = gap < 0 ? text : text.slice(0, gap);
  const tail = gap < 0 ? '' : text.slice(gap + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groupCount = headGroups.length + tailGroups.length;
  if (gap < 0 ? groupCount !== 8 : groupCount > 7) return undefined;
  for (const group of headGroups) if (!HEX_GROUP.test(group)) return undefined;
  for (const group of tailGroups) if (!HEX_GROUP.test(group)) return undefined;

  const bytes = new Uint8Array(16);
  const write = (group: string, index: number): void => {
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  };
  headGroups.forEach((group, i) => write(group, i));
  tailGroups.forEach((group, i) => write(group, 8 - tailGroups.length + i));

  // InetAddress hands IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) back as plain IPv4.
  let mapped = bytes[10] === 0xff && bytes[11] === 0xff;
  for (let i = 0; mapped && i < 10; i++) mapped = bytes[i] === 0;
  return mapped ? bytes.slice(12) : bytes;
}

function addressOperand(text: string): Uint8Array {
  if (!IPV4_SHAPE.test(text) && !IPV6_SHAPE.test(text)) invalid(`Nonstandard IP address: ${text}`);
  return parseIpAddress(text) ?? invalid(`Invalid IP address: ${text}`);
}

/** Validates a `cidr` operand with event-ruler's checks, in its order. */
export function parseCidr(text: string): IpRange {
  const parts = text.split('/');
  // Java's String.split drops trailing empty strings, so "10.0.0.0/" has one part, not two.
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) invalid("Malformed CIDR, one '/' required");
  const maskText = parts[1]!;
  const maskBits = Number(maskText);
  if (!DECIMAL_INT.test(maskText) || maskBits > 2147483647 || maskBits < -2147483648) {
    invalid('Malformed CIDR, mask bits must be an integer');
  }
  if (maskBits < 0) invalid('Malformed CIDR, mask bits must not be negative');
  const address = addressOperand(parts[0]!);
  if (address.length === 4 && maskBits > 31) invalid('IPv4 mask bits must be < 32');
  if (address.length === 16 && maskBits > 127) invalid('IPv6 mask bits must be < 128');

  const low = new Uint8Array(address.length);
  const high = new Uint8Array(address.length);
  for (let i = 0; i < address.length; i++) {
    const fixedBits = Math.min(8, Math.max(0, maskBits - i * 8));
    const hostMask = 0xff >> fixedBits;
    low[i] = address[i]! & ~hostMask;
    high[i] = address[i]! | hostMask;
  }
  return { low, high };
}

/** A plain string pattern that is an address literal matches exactly that address. */
export function singleAddressRange(text: string): IpRange | undefined {
  const address = parseIpAddress(text);
  return address === undefined ? undefined : { low: address, high: address };
}

export function ipInRange(range: IpRange, address: Uint8Array): boolean {
  if (address.length !== range.low.length) return false;
  return compareBytes(address, range.low) >= 0 && compareBytes(address, range.high) <= 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
