//! `/login`: a browser signs in by posting its token, kept in an HttpOnly cookie, because
//! pages without JavaScript cannot send an Authorization header.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{PageResult, render};
use crate::AppState;
use crate::auth::COOKIE;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    title: String,
    nav: &'static str,
    failed: bool,
}

pub async fn form() -> PageResult {
    render(&LoginPage { title: "Sign in".into(), nav: "", failed: false })
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    token: String,
}

pub async fn submit(State(state): State<AppState>, Form(login): Form<LoginForm>) -> Response {
    let token = login.token.trim();
    if !state.access.tokens.accepts(token) {
        return render(&LoginPage { title: "Sign in".into(), nav: "", failed: true })
            .into_response();
    }
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    ([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response()
}
