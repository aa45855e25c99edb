// The board: drag a card to another stage. The move is posted as the card's own "Move to" form would post it, and
// the columns come back from the server: the card lands where the server put it, with the reason when refused.
(function () {
  'use strict';

  function arm() {
    var board = document.getElementById('board-columns');
    if (!board || !window.Sortable || !window.htmx) {
      return;
    }
    Array.prototype.forEach.call(board.querySelectorAll('ol.cards'), function (list) {
      if (list.hasAttribute('data-armed')) {
        return;
      }
      list.setAttribute('data-armed', '');
      Sortable.create(list, {
        group: 'board',
        sort: false,
        forceFallback: true, // pointer events, not the browser's own drag: the same on touch screens and in tests
        animation: 120,
        filter: 'details, a, select, input, button',
        preventOnFilter: false,
        onEnd: function (event) {
          if (event.from === event.to) {
            return;
          }
          var form = event.item.querySelector('form.move-form');
          var values = {};
          Array.prototype.forEach.call(form.querySelectorAll('input[type=hidden]'), function (input) {
            values[input.name] = input.value;
          });
          values.to = event.to.getAttribute('data-stage');
          htmx.ajax('POST', form.getAttribute('action'), {target: '#board-columns', swap: 'outerHTML', values: values});
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', arm);
  document.addEventListener('htmx:afterSettle', arm); // the columns came back: arm the new lists
})();
