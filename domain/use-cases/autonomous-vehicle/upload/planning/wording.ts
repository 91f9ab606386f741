/** `heavy_rain` -> `heavy rain`: tokens back into words for titles. */
export function words(token: string): string {
  return token.replace(/_/g, ' ');
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "in snow" reads well, "in clear" does not. */
export function weatherPhrase(weather: string): string {
  return weather === 'clear' ? 'clear weather' : words(weather);
}
