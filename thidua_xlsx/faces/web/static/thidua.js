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
