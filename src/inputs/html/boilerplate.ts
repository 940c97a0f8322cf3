// What on a news page is not the article: removed before Readability scores the page, because
// Readability keeps any block that looks like prose (a cookie notice, a caption) if it sits near
// the story. The selectors name page furniture by its role, not by any one site's markup.

/** Elements that are never article text, whatever their content. */
export const FURNITURE_SELECTORS = [
  // JSON-LD stays: Readability reads the publication time and byline from it.
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'form',
  'button',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'figcaption',
  'figure',
  'dialog',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="complementary"]',
  '[aria-modal="true"]',
  '[hidden]',
  '[aria-hidden="true"]',
].join(', ');

/** Words in an id or class that mark a banner, a promotion or a list of other stories. */
const FURNITURE_WORDS = [
  ...['cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'subscribe', 'subscription', 'paywall', 'related', 'recommended'],
  ...['share', 'sharing', 'social', 'promo', 'advert', 'advertisement', 'ad-slot', 'breadcrumbs?', 'caption', 'read-more'],
  ...['readmore', 'more-stories', 'trending', 'popular', 'comments?'],
];
export const FURNITURE_NAME = new RegExp(`(?:^|[-_\\s])(${FURNITURE_WORDS.join('|')})(?:$|[-_\\s])`, 'i');

/** A paragraph that points elsewhere instead of telling the story ("Read more: ...", "Related: ..."). */
const POINTER_LEADS = [
  ...['read more', 'read also', 'also read', 'related( stories| articles| coverage)?', 'see also', 'more on this'],
  ...['recommended', 'click here', 'sign up', 'subscribe', 'follow us', 'share this'],
];
export const POINTER_LINE = new RegExp(`^(${POINTER_LEADS.join('|')})\\b\\s*[:\\-–—.]?`, 'i');

/** Containers that hold the story itself: a class on them ("cookie-consent-shown" on <body>) says nothing about their text. */
export const STORY_CONTAINERS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
