/**
 * FNV-1a 64-bit content hash over bytes, computed on two 32-bit halves so it needs
 * neither BigInt nor Node's crypto (runs anywhere; a few ns per byte).
 */
export function fnv1a64(bytes: Uint8Array): string {
  // Offset basis 0xcbf29ce484222325 as two 32-bit halves.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40).
    const t = lo * 0x1b3; // < 2^41, exact in a double
    const carry = Math.floor(t / 4294967296);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = t >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
