// Skip links: Blazor intercepts in-page links and only scrolls, so focus would stay on the link. Move focus to
// the target instead (capture phase, before Blazor's own handler), on static and interactive pages alike.
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
  if (!link) {
    return;
  }
  var target = document.querySelector(link.getAttribute('href'));
  if (target) {
    event.preventDefault();
    event.stopPropagation();
    target.focus();
    target.scrollIntoView();
  }
}, true);
