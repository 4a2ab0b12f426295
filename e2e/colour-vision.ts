// Colour-vision deficiency simulation and perceptual colour distance, for the tests that check
// highlight tints stay apart. Simulation: Machado, Oliveira & Fernandes, "A Physiologically-based
// Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009 — their matrices for
// severity 1.0 (protanopia, deuteranopia, tritanopia), applied to linear sRGB as the paper does.
// Distance: Euclidean in OKLab (Björn Ottosson, "A perceptual color space for image processing",
// 2020), ×100, so 1 is about the smallest difference one notices side by side, 2 is a clear one.
import { channels, linear } from './theme-colours'

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia'
type Matrix = readonly [readonly number[], readonly number[], readonly number[]]

export const MACHADO_2009: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998]
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881]
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039]
  ]
}

type Triple = [number, number, number]

function apply(m: Matrix, v: Triple): Triple {
  const row = (r: readonly number[]): number =>
    (r[0] as number) * v[0] + (r[1] as number) * v[1] + (r[2] as number) * v[2]
  return [row(m[0]), row(m[1]), row(m[2])]
}

/** The linear sRGB a viewer with `vision` perceives for `#rrggbb`, clamped to the gamut. */
export function simulate(hex: string, vision: Vision): Triple {
  const rgb = channels(hex).map(linear) as Triple
  if (vision === 'normal') return rgb
  return apply(MACHADO_2009[vision], rgb).map((c) => Math.min(1, Math.max(0, c))) as Triple
}

/** OKLab (L, a, b) of a linear sRGB colour. */
export function oklab(rgb: Triple): Triple {
  const lms = apply(
    [
      [0.4122214708, 0.5363325363, 0.0514459929],
      [0.2119034982, 0.6806995451, 0.1073969566],
      [0.0883024619, 0.2817188376, 0.6299787005]
    ],
    rgb
  ).map(Math.cbrt) as Triple
  return apply(
    [
      [0.2104542553, 0.793617785, -0.0040720468],
      [1.9779984951, -2.428592205, 0.4505937099],
      [0.0259040371, 0.7827717662, -0.808675766]
    ],
    lms
  )
}

/** How far apart two colours look to a viewer with `vision`: OKLab distance ×100. */
export function distance(a: string, b: string, vision: Vision): number {
  const [p, q] = [oklab(simulate(a, vision)), oklab(simulate(b, vision))]
  return 100 * Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}
