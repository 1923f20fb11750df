// While a form is sent (a file upload can take a while), say so and keep it from being sent twice.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains("busy-form")) return;
  var spinner = form.querySelector(".spinner");
  if (spinner) spinner.hidden = false;
  var buttons = form.querySelectorAll("button");
  setTimeout(function () {
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }, 0);
});

// The file pickers say what was chosen in the page's language (the browser's own words may be
// in another), and a section marked as a drop zone takes files dropped on it.
function sayChosen(input) {
  var label = input.closest("form").querySelector(".chosen");
  if (!label) return;
  var count = input.files ? input.files.length : 0;
  if (count === 0) label.textContent = input.dataset.none;
  else if (count === 1) label.textContent = input.files[0].name;
  else label.textContent = input.dataset.some.replace("#", count);
}
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("input[type=file]")) sayChosen(event.target);
});
document.addEventListener("DOMContentLoaded", function () {
  var zones = document.querySelectorAll(".dropzone");
  for (var i = 0; i < zones.length; i++) {
    (function (zone) {
      var input = zone.querySelector("input[type=file]");
      zone.addEventListener("dragover", function (event) {
        event.preventDefault();
        zone.classList.add("over");
      });
      zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("over");
        input.files = event.dataTransfer.files;
        sayChosen(input);
      });
    })(zones[i]);
  }
});
