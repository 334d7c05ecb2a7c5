// The local provider's sign-out page: confirms at once (the staff page already asked
// by its Sign out button), so signing out needs no second click.
const button = document.getElementById('signout-submit');
if (button) button.click();
